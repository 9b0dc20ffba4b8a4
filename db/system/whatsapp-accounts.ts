import type { Knex } from 'knex';
import type { WhatsappAccountRow } from '../whatsapp/accounts';

/** Webhook routing: which workspace owns a Meta phone number id (before any tenant is known). */
export async function findAccountByPhoneNumberId(
  system: Knex,
  phoneNumberId: string,
): Promise<{ tenantId: string; accountId: string; status: WhatsappAccountRow['status'] } | undefined> {
  const row = await system('whatsapp_accounts').where({ phone_number_id: phoneNumberId }).first('tenant_id', 'id', 'status');
  return row && { tenantId: row.tenant_id, accountId: row.id, status: row.status };
}
