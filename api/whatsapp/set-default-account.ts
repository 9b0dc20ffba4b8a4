import type { Knex } from 'knex';
import { AppError } from '../../domain/errors';
import type { TWhatsappAccount } from '../../domain/whatsapp';
import { insertAuditLog } from '../../db/audit/audit-log';
import { toWhatsappAccount, WhatsappAccount } from '../../db/models/whatsapp-account';
import type { AuthPrincipal } from '../auth/principal';

/** Makes one of the workspace's connected numbers the one sends use when none is named. */
export async function setDefaultAccount(trx: Knex, actor: AuthPrincipal, accountId: string): Promise<TWhatsappAccount> {
  const account = await WhatsappAccount.query(trx).findById(accountId).forUpdate();
  if (!account) throw new AppError('not_found', 'No such WhatsApp account in this workspace');
  if (account.status !== 'connected') throw new AppError('conflict', 'Only a connected number can be the default; reconnect it first');
  if (account.isDefault) return toWhatsappAccount(account);
  // The old default goes first: a partial unique index allows one default per workspace.
  await WhatsappAccount.query(trx).where({ is_default: true }).patch({ isDefault: false, updatedAt: new Date() });
  const updated = await account.$query(trx).patchAndFetch({ isDefault: true, updatedAt: new Date() });
  await insertAuditLog(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, action: 'whatsapp.default_changed', targetType: 'whatsapp_account', targetId: accountId, metadata: {} });
  return toWhatsappAccount(updated);
}
