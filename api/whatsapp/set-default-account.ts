import type { Knex } from 'knex';
import { AppError } from '../../domain/errors';
import type { TWhatsappAccount } from '../../domain/whatsapp';
import { insertAuditLog } from '../../db/audit/audit-log';
import { findAccountForUpdate, makeDefaultAccount, toWhatsappAccount } from '../../db/whatsapp/accounts';
import type { AuthPrincipal } from '../auth/principal';

/** Makes one of the workspace's connected numbers the one sends use when none is named. */
export async function setDefaultAccount(trx: Knex, actor: AuthPrincipal, accountId: string): Promise<TWhatsappAccount> {
  const account = await findAccountForUpdate(trx, accountId);
  if (!account) throw new AppError('not_found', 'No such WhatsApp account in this workspace');
  if (account.status !== 'connected') throw new AppError('conflict', 'Only a connected number can be the default; reconnect it first');
  if (account.isDefault) return toWhatsappAccount(account);
  const updated = await makeDefaultAccount(trx, accountId);
  await insertAuditLog(trx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: 'whatsapp.default_changed',
    targetType: 'whatsapp_account',
    targetId: accountId,
    metadata: {},
  });
  return toWhatsappAccount(updated);
}
