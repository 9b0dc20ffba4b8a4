import type { Knex } from 'knex';

/** The row as Postgres stores it: ids and field names only, never message text. */
export interface AuditLogRow {
  id: string;
  tenant_id: string;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  metadata: Record<string, unknown>;
  ip: string | null;
  created_at: Date;
}

type AuditLogInsert = Pick<AuditLogRow, 'tenant_id' | 'action'> & Partial<Pick<AuditLogRow, 'actor_user_id' | 'target_type' | 'target_id' | 'metadata' | 'ip'>>;

declare module 'knex/types/tables' {
  interface Tables {
    audit_logs: Knex.CompositeTableType<AuditLogRow, AuditLogInsert, never>;
  }
}

export interface AuditLogEntry {
  tenantId: string;
  actorUserId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** Absent: the column's default, `{}`. */
  metadata?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one row to the tenant's trail, in the caller's tenant transaction (append-only). */
export async function insertAuditLog(trx: Knex, entry: AuditLogEntry): Promise<void> {
  await trx('audit_logs').insert({
    tenant_id: entry.tenantId,
    actor_user_id: entry.actorUserId,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    ...(entry.metadata === undefined ? {} : { metadata: entry.metadata }),
    ip: entry.ip ?? null,
  });
}
