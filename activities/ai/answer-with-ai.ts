import { ApplicationFailure } from '@temporalio/common';
import type { Knex } from 'knex';
import type { Database } from '../../db/connection';
import { loadAiSettings } from '../../db/ai/settings';
import { aiRepliesLeftThisMonth, recordUsage } from '../../db/billing/usage';
import { searchKnowledge } from '../../db/knowledge/search';
import { withTenant } from '../../db/tenant-transaction';
import { ZAiAnswerSchema } from '../../domain/ai';
import type { AiPolicy } from '../../domain/ai-guardrails';
import type { TAiAnswer } from '../../domain/ai';
import { aiOnDuty } from '../../domain/business-hours';
import { buildAgentPrompt, type PriorTurn } from './agent-prompt';
import { GeminiCallError, type GeminiClient } from '../../integrations/gemini/client';

export interface AiTurnInput {
  tenantId: string;
  conversationId: string;
  /** The inbound message being answered (the idempotency key of its token usage). */
  inboundMessageId: string;
  question: string | null;
  aiRepliesSoFar: number;
}

/** `off`: the AI does not take part (turned off). `handoff`: people must answer. `answer`: for the actor's guardrails. */
export type AiTurn = { kind: 'off' } | { kind: 'handoff'; reason: string } | { kind: 'answer'; answer: TAiAnswer; policy: AiPolicy };

const PASSAGES = 3;
const HISTORY = 6;
const GEMINI_TIMEOUT_MS = 10_000;

/**
 * Settings, plan limit, knowledge and recent turns from Postgres, then one Gemini call. Everything
 * the model says is checked against its schema here; whether to send is the conversation's decision.
 */
export async function answerWithAi(deps: { db: Database; gemini: GeminiClient; now?: () => Date }, input: AiTurnInput): Promise<AiTurn> {
  const context = await withTenant(deps.db.app, input.tenantId, async (trx) => {
    const settings = await loadAiSettings(trx);
    if (!settings.enabled) return { kind: 'off' as const };
    if (!aiOnDuty(settings, deps.now?.() ?? new Date())) return { kind: 'handoff' as const, reason: 'outside_ai_hours' };
    if (input.question === null) return { kind: 'handoff' as const, reason: 'unsupported_message' };
    if (input.aiRepliesSoFar >= settings.maxRepliesPerConversation) return { kind: 'handoff' as const, reason: 'reply_cap' };
    if ((await aiRepliesLeftThisMonth(trx)) <= 0) return { kind: 'handoff' as const, reason: 'plan_ai_limit' };
    // One connection per transaction: its queries run one after another.
    const tenant = await trx('tenants').where({ id: input.tenantId }).first('name');
    const passages = await searchKnowledge(trx, input.question, PASSAGES);
    const history = await recentTurns(trx, input.conversationId, input.inboundMessageId);
    return { kind: 'ask' as const, settings, prompt: buildAgentPrompt({ businessName: tenant?.name ?? 'the business', persona: settings.persona, blockedIntents: settings.blockedIntents, passages, history, question: input.question }) };
  });
  if (context.kind !== 'ask') return context;

  const { settings, prompt } = context;
  let result;
  try {
    result = await deps.gemini.answer({ ...prompt, timeoutMs: GEMINI_TIMEOUT_MS });
  } catch (err) {
    if (!(err instanceof GeminiCallError)) throw err;
    if (!err.retryable) throw ApplicationFailure.nonRetryable(err.message, 'gemini_refused', { status: err.status });
    throw ApplicationFailure.create({ message: err.message, type: 'gemini_unavailable', nextRetryDelay: err.retryAfterMs, details: [{ status: err.status }] });
  }
  await withTenant(deps.db.app, input.tenantId, (trx) =>
    recordUsage(trx, {
      tenantId: input.tenantId,
      kind: 'ai_tokens',
      idempotencyKey: `ai_tokens:${input.inboundMessageId}`,
      quantity: result.usage.totalTokens,
      metadata: { model: result.model, promptTokens: result.usage.promptTokens, answerTokens: result.usage.answerTokens, conversationId: input.conversationId },
    }),
  );
  if (result.kind === 'blocked') return { kind: 'handoff', reason: 'ai_blocked' };
  const answer = parseAnswer(result.text);
  if (!answer) return { kind: 'handoff', reason: 'ai_malformed_answer' };
  return {
    kind: 'answer',
    answer,
    policy: { confidenceThreshold: settings.confidenceThreshold, maxRepliesPerConversation: settings.maxRepliesPerConversation, blockedIntents: settings.blockedIntents },
  };
}

function parseAnswer(text: string): TAiAnswer | null {
  try {
    const parsed = ZAiAnswerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The last few text messages before the question, oldest first (context for follow-up questions). */
async function recentTurns(trx: Knex, conversationId: string, excludeMessageId: string): Promise<PriorTurn[]> {
  const rows = await trx('messages')
    .where({ conversation_id: conversationId, type: 'text' })
    .whereNot({ id: excludeMessageId })
    .orderBy('created_at', 'desc')
    .limit(HISTORY)
    .select('direction', 'content');
  return rows
    .reverse()
    .map((row) => ({ direction: row.direction, text: String(row.content?.body ?? row.content?.text?.body ?? '') }))
    .filter((turn) => turn.text);
}
