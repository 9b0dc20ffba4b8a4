import type { Knex } from 'knex';

/** A `platform_notifications` row: the outbox and, once claimed, its own send ledger (`platform-delivery-ledger.ts`). */
export interface PlatformNotificationRow {
  id: string;
  tenant_id: string | null;
  to_phone: string;
  kind: string;
  body: string;
  idempotency_key: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  claimed_at: Date | null;
  sent_at: Date | null;
  wa_message_id: string | null;
  last_error_code: string | null;
  created_at: Date;
}

type NewPlatformNotificationRow = Pick<PlatformNotificationRow, 'tenant_id' | 'to_phone' | 'kind' | 'body' | 'idempotency_key'>;
/** Claim and send times come from the database clock (`now()`). */
type PlatformNotificationChange = Partial<Pick<PlatformNotificationRow, 'status' | 'wa_message_id' | 'last_error_code' | 'created_at'>> & {
  claimed_at?: Date | Knex.Raw;
  sent_at?: Date | Knex.Raw;
};

declare module 'knex/types/tables' {
  interface Tables {
    platform_notifications: Knex.CompositeTableType<PlatformNotificationRow, NewPlatformNotificationRow, PlatformNotificationChange>;
  }
}

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
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit)
    .select('to_phone', 'body', 'kind', 'created_at');
  return rows.map((r) => ({ to: r.to_phone, body: r.body, kind: r.kind, createdAt: r.created_at.toISOString() }));
}
