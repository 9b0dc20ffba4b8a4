import type { Knex } from 'knex';
import { insertAuditLog } from '../../db/audit/audit-log';
import type { AuthPrincipal } from '../auth/principal';

/** Tenant actions worth a trail: who changed the AI agent or billing, from where. Ids and field names only, never text. */
export type TenantAuditAction = 'ai_settings.updated' | 'billing.subscribed' | 'billing.cancelled' | 'billing.plan_changed';

export async function recordAudit(trx: Knex, auth: AuthPrincipal, action: TenantAuditAction, metadata: Record<string, unknown>, ip?: string): Promise<void> {
  await insertAuditLog(trx, { tenantId: auth.tenantId, actorUserId: auth.userId, action, targetType: null, targetId: null, metadata, ip: ip ?? null });
}
