import type { Knex } from 'knex';
import { recordUsage } from '../billing/usage';

/**
 * The send ledger (message_sends), one row per message: pending → in_flight → accepted | failed.
 * Every function runs inside the tenant's transaction (withTenant), so RLS applies.
 */
export type SendState = 'pending' | 'in_flight' | 'accepted' | 'failed';

export interface MessageSendRow {
  message_id: string;
  tenant_id: string;
  phone_number_id: string;
  state: SendState;
  wa_message_id: string | null;
  attempts: number;
  last_error_code: string | null;
  created_at: Date;
  updated_at: Date;
}

type NewMessageSendRow = Pick<MessageSendRow, 'message_id' | 'tenant_id' | 'phone_number_id' | 'state'>;
/** Timestamps and the attempt counter are set by the database clock (`now()`, `attempts + 1`). */
type MessageSendChange = Partial<Pick<MessageSendRow, 'state' | 'wa_message_id' | 'last_error_code'>> & { attempts?: Knex.Raw; updated_at?: Date | Knex.Raw };

declare module 'knex/types/tables' {
  interface Tables {
    message_sends: Knex.CompositeTableType<MessageSendRow, NewMessageSendRow, MessageSendChange>;
  }
}

export interface LedgerRow {
  state: SendState;
  waMessageId: string | null;
  lastErrorCode: string | null;
  /** Since the last state change, by the database clock (workers' clocks may differ). */
  ageMs: number;
}

export async function openLedgerRow(trx: Knex, input: { tenantId: string; messageId: string; phoneNumberId: string }): Promise<LedgerRow> {
  await trx('message_sends')
    .insert({ message_id: input.messageId, tenant_id: input.tenantId, phone_number_id: input.phoneNumberId, state: 'pending' })
    .onConflict('message_id')
    .ignore();
  return (await readLedgerRow(trx, input.messageId))!;
}

type LedgerRead = Pick<MessageSendRow, 'state' | 'wa_message_id' | 'last_error_code'> & { age_ms: string };

export async function readLedgerRow(trx: Knex, messageId: string): Promise<LedgerRow | undefined> {
  const row = await trx('message_sends')
    .where({ message_id: messageId })
    .first<LedgerRead | undefined>('state', 'wa_message_id', 'last_error_code', trx.raw('extract(epoch from (now() - updated_at)) * 1000 as age_ms'));
  return row && { state: row.state, waMessageId: row.wa_message_id, lastErrorCode: row.last_error_code, ageMs: Number(row.age_ms) };
}

/**
 * pending → in_flight, or a stale in_flight (no status arrived within the window: Meta never got it)
 * → in_flight again. Conditional, so of two concurrent attempts only one may send.
 */
export async function claimForSend(trx: Knex, messageId: string, reconcileWindowMs: number): Promise<boolean> {
  const rows = await trx('message_sends')
    .where({ message_id: messageId })
    .andWhere((q) =>
      q.where({ state: 'pending' }).orWhere((s) => s.where({ state: 'in_flight' }).andWhereRaw("updated_at <= now() - (? * interval '1 millisecond')", [reconcileWindowMs])),
    )
    .update({ state: 'in_flight', attempts: trx.raw('attempts + 1'), updated_at: trx.fn.now() })
    .returning('message_id');
  return rows.length === 1;
}

/** Meta's answer proved it did not take the message: a later attempt may send. */
export async function releaseToPending(trx: Knex, messageId: string, errorCode: string): Promise<void> {
  await trx('message_sends').where({ message_id: messageId, state: 'in_flight' }).update({ state: 'pending', last_error_code: errorCode, updated_at: trx.fn.now() });
}

/** An ambiguous failure: the row stays in_flight and its clock keeps running (updated_at untouched). */
export async function noteAmbiguousError(trx: Knex, messageId: string, errorCode: string): Promise<void> {
  await trx('message_sends').where({ message_id: messageId, state: 'in_flight' }).update({ last_error_code: errorCode });
}

export async function markFailed(trx: Knex, messageId: string, errorCode: string): Promise<void> {
  await trx('message_sends').whereNot({ state: 'accepted' }).where({ message_id: messageId }).update({ state: 'failed', last_error_code: errorCode, updated_at: trx.fn.now() });
}

/**
 * Meta has the message: the ledger, the message's wamid, the wamid → message index and usage
 * (once per message) in one transaction.
 */
export async function markAccepted(
  trx: Knex,
  input: { tenantId: string; messageId: string; messageCreatedAt: string | Date; waMessageId: string; phoneNumberId: string },
): Promise<void> {
  await trx('message_sends')
    .where({ message_id: input.messageId })
    .update({ state: 'accepted', wa_message_id: input.waMessageId, last_error_code: null, updated_at: trx.fn.now() });
  const at = toIso(input.messageCreatedAt);
  await trx('messages')
    .where({ id: input.messageId })
    .andWhereRaw(CREATED_AT_MATCHES, [at, at])
    .whereNull('wa_message_id')
    .update({ wa_message_id: input.waMessageId, updated_at: trx.fn.now() });
  await indexWamid(trx, input.tenantId, input.waMessageId, input.messageId, at);
  await recordUsage(trx, { tenantId: input.tenantId, kind: 'message_outbound', idempotencyKey: input.messageId, metadata: { phoneNumberId: input.phoneNumberId } });
}

// A range, not equality: JS dates carry milliseconds, Postgres keeps microseconds.
const CREATED_AT_MATCHES = "created_at >= ?::timestamptz and created_at < ?::timestamptz + interval '1 millisecond'";

/** Copies created_at from the message itself, so the index keeps its exact (microsecond) value. */
export async function indexWamid(trx: Knex, tenantId: string, waMessageId: string, messageId: string, createdAt: string): Promise<void> {
  await trx.raw(
    `insert into message_wa_ids (tenant_id, wa_message_id, message_id, message_created_at)
     select ?, ?, id, created_at from messages where id = ? and ${CREATED_AT_MATCHES}
     on conflict (tenant_id, wa_message_id) do nothing`,
    [tenantId, waMessageId, messageId, createdAt, createdAt],
  );
}

const toIso = (value: string | Date) => (value instanceof Date ? value.toISOString() : value);

/**
 * The ledger row of a message, locked until the transaction ends, with the message's exact
 * created_at (the index and the partitioned `messages` table key on it). Undefined when either is missing.
 */
export async function lockSendOfMessage(trx: Knex, messageId: string): Promise<{ tenantId: string; phoneNumberId: string; state: SendState; messageCreatedAt: Date } | undefined> {
  const send = await trx('message_sends').where({ message_id: messageId }).forUpdate().first('tenant_id', 'phone_number_id', 'state');
  if (!send) return undefined;
  const message = await trx('messages').where({ id: messageId }).first<{ created_at: Date } | undefined>('created_at');
  if (!message) return undefined;
  return { tenantId: send.tenant_id, phoneNumberId: send.phone_number_id, state: send.state, messageCreatedAt: message.created_at };
}

/** A recorded outbound message opens its ledger row as `pending` (the conversation's write). */
export async function insertPendingSend(trx: Knex, input: { tenantId: string; messageId: string; phoneNumberId: string }): Promise<void> {
  await trx('message_sends').insert({ message_id: input.messageId, tenant_id: input.tenantId, phone_number_id: input.phoneNumberId, state: 'pending' });
}

/** A send that failed for good closes its row, unless Meta accepted it meanwhile. */
export async function failPendingSend(trx: Knex, messageId: string, errorCode: string): Promise<void> {
  await trx('message_sends').where({ message_id: messageId }).whereNot({ state: 'accepted' }).update({ state: 'failed', last_error_code: errorCode, updated_at: new Date() });
}
