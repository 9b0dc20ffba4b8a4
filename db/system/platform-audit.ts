import type { Knex } from 'knex';

export interface PlatformAuditEntry {
  adminId: string;
  action: 'codec.decode';
  metadata: Record<string, unknown>;
  ip?: string;
}

/** Cross-tenant by nature: a platform admin acts on no tenant (decoding Temporal payloads of any). */
export async function recordPlatformAudit(system: Knex, entry: PlatformAuditEntry): Promise<void> {
  await system('platform_audit_logs').insert({ admin_id: entry.adminId, action: entry.action, metadata: entry.metadata, ip: entry.ip ?? null });
}
