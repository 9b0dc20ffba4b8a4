import type { Knex } from 'knex';

/**
 * What the platform sends on its own behalf (OTPs, trial reminders). Keyed by an idempotency key so
 * a retried activity never sends twice; in sandbox mode this table is the outbox users read.
 */
export interface PlatformNotification {
  tenantId?: string;
  to: string;
  kind: string;
  body: string;
  idempotencyKey: string;
}

/** Returns false when a notification with this key was already recorded. */
export async function recordPlatformNotification(system: Knex, n: PlatformNotification): Promise<boolean> {
  const rows = await system('platform_notifications')
    .insert({ tenant_id: n.tenantId ?? null, to_phone: n.to, kind: n.kind, body: n.body, idempotency_key: n.idempotencyKey })
    .onConflict('idempotency_key')
    .ignore()
    .returning('id');
  return rows.length > 0;
}

export async function listPlatformNotifications(system: Knex, to: string, limit = 50) {
  const rows = await system('platform_notifications')
    .where({ to_phone: to })
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .limit(limit)
    .select('to_phone', 'body', 'kind', 'created_at');
  return rows.map((r) => ({ to: r.to_phone as string, body: r.body as string, kind: r.kind as string, createdAt: (r.created_at as Date).toISOString() }));
}
