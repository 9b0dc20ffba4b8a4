import type { Knex } from 'knex';

/** What platform admins did; they belong to no tenant, so `audit_logs` (tenant-scoped) cannot hold it. */
export interface PlatformAuditLogRow {
  id: string;
  admin_id: string | null;
  action: string;
  metadata: Record<string, unknown>;
  ip: string | null;
  created_at: Date;
}

declare module 'knex/types/tables' {
  interface Tables {
    platform_audit_logs: Knex.CompositeTableType<PlatformAuditLogRow, Pick<PlatformAuditLogRow, 'admin_id' | 'action' | 'metadata' | 'ip'>, never>;
  }
}

export interface PlatformAuditEntry {
  platformAdminId: string;
  action: 'codec.decode';
  metadata: Record<string, unknown>;
  ip?: string;
}

/** Cross-tenant by nature: a platform admin acts on no tenant (decoding Temporal payloads of any). */
export async function recordPlatformAudit(system: Knex, entry: PlatformAuditEntry): Promise<void> {
  await system('platform_audit_logs').insert({ admin_id: entry.platformAdminId, action: entry.action, metadata: entry.metadata, ip: entry.ip ?? null });
}
