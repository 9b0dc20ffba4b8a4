import type { Knex } from 'knex';
import type { TPlanLimits, TUsageKind, TUsageResponse } from '../../domain/billing';
import { AppError } from '../../domain/errors';
import { effectivePlan } from './plans';

/** A `usage_events` row: the append-only ledger of what a tenant used, once per idempotency key. */
export interface UsageEventRow {
  id: string;
  tenant_id: string;
  kind: TUsageKind;
  quantity: number;
  idempotency_key: string;
  metadata: Record<string, unknown>;
  occurred_at: Date;
}

declare module 'knex/types/tables' {
  interface Tables {
    usage_events: Knex.CompositeTableType<
      UsageEventRow,
      Omit<UsageEventRow, 'id' | 'occurred_at' | 'quantity' | 'metadata'> & Partial<Pick<UsageEventRow, 'quantity' | 'metadata'>>
    >;
  }
}

const startOfMonthUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const startOfDayUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

async function sumUsage(trx: Knex, kind: TUsageKind, since: Date): Promise<number> {
  const [row] = await trx('usage_events').where({ kind }).where('occurred_at', '>=', since).sum({ total: 'quantity' });
  return Number(row?.total ?? 0);
}

/** Usage in the tenant's current windows (calendar month and day, UTC) against its plan's limits. */
export async function currentUsage(trx: Knex, now = new Date()): Promise<TUsageResponse> {
  const plan = await effectivePlan(trx);
  // Sequential: a transaction is one connection, and pg deprecates overlapping queries on it.
  const messages = await sumUsage(trx, 'message_outbound', startOfMonthUtc(now));
  const aiReplies = await sumUsage(trx, 'ai_reply', startOfMonthUtc(now));
  const broadcasts = await sumUsage(trx, 'broadcast', startOfDayUtc(now));
  const agents = await trx('users')
    .whereIn('status', ['active', 'invited'])
    .count({ n: '*' })
    .then(([r]) => Number(r.n));
  return {
    planId: plan.id,
    usage: { messagesThisMonth: messages, aiRepliesThisMonth: aiReplies, agents, broadcastsToday: broadcasts },
    limits: plan.limits,
  };
}

/** AI replies the plan still allows this month (the AI agent checks it before calling Gemini). */
export async function aiRepliesLeftThisMonth(trx: Knex, now = new Date()): Promise<number> {
  const plan = await effectivePlan(trx);
  return plan.limits.aiRepliesPerMonth - (await sumUsage(trx, 'ai_reply', startOfMonthUtc(now)));
}

const LIMIT_OF: Record<keyof TUsageResponse['usage'], keyof TPlanLimits> = {
  messagesThisMonth: 'messagesPerMonth',
  aiRepliesThisMonth: 'aiRepliesPerMonth',
  agents: 'agents',
  broadcastsToday: 'broadcastsPerDay',
};

/**
 * Refuses work that would exceed the plan, before anything is written: `402 limit_reached` naming
 * the limit. Call inside the tenant transaction that then does the work.
 */
export async function assertWithinLimit(trx: Knex, usageKey: keyof TUsageResponse['usage'], adding = 1): Promise<void> {
  const { usage, limits, planId } = await currentUsage(trx);
  const limitName = LIMIT_OF[usageKey];
  const limit = limits[limitName];
  if (usage[usageKey] + adding > limit) {
    throw new AppError('limit_reached', `Your ${planId} plan allows ${limit} ${describe(limitName)}; upgrade under Billing for more`, {
      details: [{ path: limitName, message: `limit ${limit} reached (${usage[usageKey]} used)` }],
    });
  }
}

function describe(limit: keyof TPlanLimits): string {
  return { messagesPerMonth: 'messages a month', aiRepliesPerMonth: 'AI replies a month', agents: 'team members', broadcastsPerDay: 'broadcasts a day' }[limit];
}

/** Appends to the usage ledger once per idempotency key (a retried send is not counted twice). */
export async function recordUsage(
  trx: Knex,
  entry: { tenantId: string; kind: TUsageKind; idempotencyKey: string; quantity?: number; metadata?: Record<string, unknown> },
): Promise<boolean> {
  const rows = await trx('usage_events')
    .insert({ tenant_id: entry.tenantId, kind: entry.kind, quantity: entry.quantity ?? 1, idempotency_key: entry.idempotencyKey, metadata: entry.metadata ?? {} })
    .onConflict(['tenant_id', 'idempotency_key'])
    .ignore()
    .returning('id');
  return rows.length > 0;
}
