import type { Knex } from 'knex';
import type { ConversationChange } from '../../domain/conversation-transitions';
import type { ConversationSeed } from '../../domain/conversation';
import { followAiSetting, reopenOnInbound, startingMode } from '../../domain/inbound-routing';
import type { Sealed } from '../crypto/field-encryption';
import type { Insertable, Writable } from '../row-types';

/** A `conversations` row (one contact on one of the tenant's numbers). */
export interface ConversationRow {
  id: string;
  tenant_id: string;
  contact_id: string;
  phone_number_id: string;
  status: ConversationSeed['status'];
  mode: ConversationSeed['mode'];
  assigned_to: string | null;
  unread_count: number;
  last_message_at: Date | null;
  last_inbound_at: Date | null;
  ai_reply_count: number;
  handoff_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

type ConversationInsert = Insertable<ConversationRow, 'tenant_id' | 'contact_id' | 'phone_number_id'>;

declare module 'knex/types/tables' {
  interface Tables {
    conversations: Knex.CompositeTableType<ConversationRow, ConversationInsert, Writable<ConversationRow>>;
  }
}

/** A conversation as the inbox lists it: with its contact (phone still sealed) and labels. */
export interface ConversationListing {
  id: string;
  tenantId: string;
  phoneNumberId: string;
  status: ConversationRow['status'];
  mode: ConversationRow['mode'];
  assignedTo: string | null;
  unread: number;
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  aiReplyCount: number;
  handoffReason: string | null;
  labels: { id: string; name: string; color: string }[];
  contact: { id: string; name: string | null; profileName: string | null; phone: Sealed; optedOut: boolean };
  /** last_message_at as Postgres prints it (microseconds), the keyset cursor's position. */
  cursorAt: string | null;
}

interface ListingRow extends Pick<
  ConversationRow,
  'id' | 'tenant_id' | 'phone_number_id' | 'status' | 'mode' | 'assigned_to' | 'unread_count' | 'last_message_at' | 'last_inbound_at' | 'ai_reply_count' | 'handoff_reason'
> {
  labels: ConversationListing['labels'];
  cursor_at: string | null;
  contact_id: string;
  contact_name: string | null;
  contact_profile_name: string | null;
  contact_opted_out: boolean;
  phone_ciphertext: string;
  phone_key_id: string;
}

const toListing = (row: ListingRow): ConversationListing => ({
  id: row.id,
  tenantId: row.tenant_id,
  phoneNumberId: row.phone_number_id,
  status: row.status,
  mode: row.mode,
  assignedTo: row.assigned_to,
  unread: row.unread_count,
  lastMessageAt: row.last_message_at,
  lastInboundAt: row.last_inbound_at,
  aiReplyCount: row.ai_reply_count,
  handoffReason: row.handoff_reason,
  labels: row.labels,
  contact: {
    id: row.contact_id,
    name: row.contact_name,
    profileName: row.contact_profile_name,
    phone: { ciphertext: row.phone_ciphertext, keyId: row.phone_key_id },
    optedOut: row.contact_opted_out,
  },
  cursorAt: row.cursor_at,
});

/** Conversations joined with their contact and labels (aliases: c = conversation, k = contact). */
function listingQuery(trx: Knex): Knex.QueryBuilder<object, ListingRow[]> {
  return trx('conversations as c')
    .join('contacts as k', 'k.id', 'c.contact_id')
    .select(
      'c.id',
      'c.tenant_id',
      'c.phone_number_id',
      'c.status',
      'c.mode',
      'c.assigned_to',
      'c.unread_count',
      'c.last_message_at',
      'c.last_inbound_at',
      'c.ai_reply_count',
      'c.handoff_reason',
      trx.raw(
        `coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) order by l.name)
           from conversation_labels cl join labels l on l.id = cl.label_id where cl.conversation_id = c.id), '[]') as labels`,
      ),
      trx.raw('c.last_message_at::text as cursor_at'),
      'k.id as contact_id',
      'k.name as contact_name',
      'k.profile_name as contact_profile_name',
      'k.opted_out as contact_opted_out',
      'k.phone_ciphertext',
      'k.phone_key_id',
    );
}

export async function findConversationListing(trx: Knex, id: string): Promise<ConversationListing | undefined> {
  const row: ListingRow | undefined = await listingQuery(trx).where('c.id', id).first();
  return row && toListing(row);
}

export interface ConversationFilters {
  status?: ConversationRow['status'];
  mode?: ConversationRow['mode'];
  /** Only those assigned to this user. */
  assignedTo?: string;
  unassigned?: boolean;
  /** Pending, and unassigned or assigned to this user. */
  waitingFor?: string;
  /** A name, profile name or the phone's last four digits. */
  q?: string;
  labelId?: string;
  /** Keyset position: strictly older than (at, id). */
  before?: { at: string; id: string };
  limit: number;
}

/** Newest activity first; conversations without any message yet are not listed. */
export async function listConversationListings(trx: Knex, filters: ConversationFilters): Promise<ConversationListing[]> {
  const q = listingQuery(trx)
    .whereNotNull('c.last_message_at')
    .orderBy([
      { column: 'c.last_message_at', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .limit(filters.limit);
  if (filters.status) q.where('c.status', filters.status);
  if (filters.mode) q.where('c.mode', filters.mode);
  if (filters.assignedTo) q.where('c.assigned_to', filters.assignedTo);
  if (filters.unassigned) q.whereNull('c.assigned_to');
  const waitingFor = filters.waitingFor;
  if (waitingFor) q.where('c.status', 'pending').where((w) => w.whereNull('c.assigned_to').orWhere('c.assigned_to', waitingFor));
  const text = filters.q;
  if (text) q.where((w) => w.whereILike('k.name', `%${text}%`).orWhereILike('k.profile_name', `%${text}%`).orWhere('k.phone_last4', text.slice(-4)));
  const labelId = filters.labelId;
  if (labelId) q.whereExists((sub) => sub.select(trx.raw('1')).from('conversation_labels as cl').whereRaw('cl.conversation_id = c.id').where('cl.label_id', labelId));
  if (filters.before) q.whereRaw('(c.last_message_at, c.id) < (?::timestamptz, ?)', [filters.before.at, filters.before.id]);
  return ((await q) as ListingRow[]).map(toListing);
}

export interface ConversationCounts {
  open: number;
  pending: number;
  resolved: number;
  /** Pending (handed off or waiting for people) and either unassigned or assigned to `userId`. */
  needsHuman: number;
}

/** How many listed conversations (those with a message) each status tab holds. */
export async function countConversations(trx: Knex, userId: string): Promise<ConversationCounts> {
  const row = (await trx('conversations')
    .whereNotNull('last_message_at')
    .first(
      trx.raw("count(*) filter (where status = 'open')::int as open"),
      trx.raw("count(*) filter (where status = 'pending')::int as pending"),
      trx.raw("count(*) filter (where status = 'resolved')::int as resolved"),
      trx.raw("count(*) filter (where status = 'pending' and (assigned_to is null or assigned_to = ?))::int as needs_human", [userId]),
    )) as { open: number; pending: number; resolved: number; needs_human: number } | undefined;
  return { open: row?.open ?? 0, pending: row?.pending ?? 0, resolved: row?.resolved ?? 0, needsHuman: row?.needs_human ?? 0 };
}

export async function conversationExists(trx: Knex, id: string): Promise<boolean> {
  return Boolean(await trx('conversations').where({ id }).first('id'));
}

export async function findConversationIdOf(trx: Knex, contactId: string, phoneNumberId: string): Promise<string | undefined> {
  return (await trx('conversations').where({ contact_id: contactId, phone_number_id: phoneNumberId }).first('id'))?.id;
}

/** Writes what an inbox command changes (the fields it leaves undefined stay as they are). */
export async function updateConversation(trx: Knex, id: string, change: ConversationChange): Promise<void> {
  const columns = Object.fromEntries(
    Object.entries({
      status: change.status,
      mode: change.mode,
      ai_reply_count: change.aiReplyCount,
      handoff_reason: change.handoffReason,
      assigned_to: change.assignedTo,
      unread_count: change.unread,
    }).filter(([, value]) => value !== undefined),
  ) as Partial<ConversationRow>;
  if (Object.keys(columns).length)
    await trx('conversations')
      .where({ id })
      .update({ ...columns, updated_at: new Date() });
}

export async function incrementAiReplyCount(trx: Knex, id: string): Promise<void> {
  await trx('conversations').where({ id }).increment('ai_reply_count', 1);
}

const upsertReturning = ['id', 'last_inbound_at', 'status', 'mode', 'ai_reply_count', 'handoff_reason'] as const;

/** The conversation of a contact on one of the tenant's numbers, created on first use (an outbound message) with the AI or the team as the AI setting says. */
export async function upsertConversation(
  trx: Knex,
  input: { tenantId: string; contactId: string; phoneNumberId: string; aiEnabled: boolean },
): Promise<{ id: string; lastInboundAt: Date | null }> {
  const now = new Date();
  const [row] = await trx('conversations')
    .insert({ tenant_id: input.tenantId, contact_id: input.contactId, phone_number_id: input.phoneNumberId, last_message_at: now, mode: startingMode(input.aiEnabled) })
    .onConflict(['tenant_id', 'contact_id', 'phone_number_id'])
    .merge({ last_message_at: now, updated_at: now })
    .returning(['id', 'last_inbound_at']);
  return { id: row.id, lastInboundAt: row.last_inbound_at };
}

/**
 * The conversation an inbound message arrives in: created (with the AI or the team, as the AI setting
 * says) or touched (window, unread), then the domain's reopen and follow-the-AI-setting rules applied to what is stored. The upsert leaves status and mode alone, so its
 * RETURNING is the stored state; the second statement runs only when the rule changes something.
 */
export async function recordInboundConversation(
  trx: Knex,
  input: { tenantId: string; contactId: string; phoneNumberId: string; inboundAt: Date; aiEnabled: boolean },
): Promise<{ id: string; lastInboundAt: Date | null }> {
  const now = new Date();
  const [row] = await trx('conversations')
    .insert({
      tenant_id: input.tenantId,
      contact_id: input.contactId,
      phone_number_id: input.phoneNumberId,
      last_message_at: now,
      last_inbound_at: input.inboundAt,
      unread_count: 1,
      mode: startingMode(input.aiEnabled),
    })
    .onConflict(['tenant_id', 'contact_id', 'phone_number_id'])
    .merge({ last_message_at: now, updated_at: now, last_inbound_at: input.inboundAt, unread_count: trx.raw('conversations.unread_count + 1') })
    .returning([...upsertReturning]);
  const current = { status: row.status, mode: row.mode, aiReplyCount: row.ai_reply_count, handoffReason: row.handoff_reason };
  const decided = followAiSetting(reopenOnInbound(current), input.aiEnabled);
  if (decided !== current) {
    await trx('conversations')
      .where({ id: row.id })
      .update({ status: decided.status, mode: decided.mode, ai_reply_count: decided.aiReplyCount, handoff_reason: decided.handoffReason });
  }
  return { id: row.id, lastInboundAt: row.last_inbound_at };
}
