import type { Knex } from 'knex';
import type { PlatformNotificationRow } from './platform-outbox';

/**
 * The send ledger of platform notifications (their rows in `platform_notifications`): a row is
 * claimed before Meta is called, so no retry or concurrent attempt sends it twice while an attempt
 * may still be in flight. A claim older than `staleMs` is an attempt that died; it may be retried.
 */
export type PlatformDeliveryState =
  { status: 'sent'; waMessageId: string } | { status: 'failed'; errorCode: PlatformNotificationRow['last_error_code'] } | { status: 'in_flight' } | { status: 'missing' };

export async function claimPlatformNotification(system: Knex, idempotencyKey: string, staleMs: number): Promise<boolean> {
  const rows = await system('platform_notifications')
    .where({ idempotency_key: idempotencyKey })
    .where((q) =>
      q.where({ status: 'queued' }).orWhere((s) => s.where({ status: 'sending' }).where('claimed_at', '<', system.raw('now() - ?::interval', [`${staleMs} milliseconds`]))),
    )
    .update({ status: 'sending', claimed_at: system.fn.now() })
    .returning('id');
  return rows.length > 0;
}

export async function platformDeliveryState(system: Knex, idempotencyKey: string): Promise<PlatformDeliveryState> {
  const row = await system('platform_notifications').where({ idempotency_key: idempotencyKey }).first('status', 'wa_message_id', 'last_error_code');
  if (!row) return { status: 'missing' };
  // markPlatformSent is the only way to 'sent', and it stores the wamid in the same statement.
  if (row.status === 'sent') return { status: 'sent', waMessageId: row.wa_message_id! };
  if (row.status === 'failed') return { status: 'failed', errorCode: row.last_error_code };
  return { status: 'in_flight' };
}

export async function markPlatformSent(system: Knex, idempotencyKey: string, waMessageId: string): Promise<void> {
  await system('platform_notifications').where({ idempotency_key: idempotencyKey }).update({ status: 'sent', sent_at: system.fn.now(), wa_message_id: waMessageId });
}

/** `retry`: Meta did not take it (back to queued); otherwise Meta refused it for good. */
export async function markPlatformFailure(system: Knex, idempotencyKey: string, errorCode: string, retry: boolean): Promise<void> {
  await system('platform_notifications')
    .where({ idempotency_key: idempotencyKey })
    .update({ status: retry ? 'queued' : 'failed', last_error_code: errorCode });
}
