import type { Knex } from 'knex';
import { insertAuditLog } from '../../db/audit/audit-log';

export type AuthAuditAction = 'auth.login' | 'auth.login_failed' | 'auth.refresh_reused';

/** One audit row about a user's session, written in the caller's tenant transaction. */
export async function recordAuthEvent(
  trx: Knex,
  event: { tenantId: string; userId: string; action: AuthAuditAction; ip: string; metadata?: Record<string, unknown> },
): Promise<void> {
  await insertAuditLog(trx, {
    tenantId: event.tenantId,
    actorUserId: event.action === 'auth.login_failed' ? null : event.userId,
    action: event.action,
    targetType: 'user',
    targetId: event.userId,
    metadata: event.metadata ?? {},
    ip: event.ip,
  });
}
