import { ApplicationFailure } from '@temporalio/common';
import type { Knex } from 'knex';
import type { Database } from '../../db/connection';
import { loadAiSettings } from '../../db/ai/settings';
import { aiRepliesLeftThisMonth, recordUsage } from '../../db/billing/usage';
import { recentTextMessages } from '../../db/inbox/messages';
import { searchKnowledge } from '../../db/ai/knowledge-search';
import { findTenantName } from '../../db/tenants/tenants';
import { withTenant } from '../../db/tenant-transaction';
import { aiPromptLimits, parseAiAnswer } from '../../domain/ai';
import type { AiPolicy } from '../../domain/ai-guardrails';
import type { TAiAnswer } from '../../domain/ai';
import { aiOnDuty } from '../../domain/business-hours';
import { aiTurnGate, type AiTurnFacts } from '../../domain/inbound-routing';
import { buildAgentPrompt, type PriorTurn } from '../../integrations/gemini/agent-prompt';
import { GEMINI_ANSWER_TIMEOUT_MS, GeminiCallError, type GeminiClient } from '../../integrations/gemini/client';

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

/**
 * Settings, plan limit, knowledge and recent turns from Postgres, then one Gemini call. Everything
 * the model says is checked against its schema here; whether to send is the conversation's decision.
 */
export async function answerWithAi(deps: { db: Database; gemini: GeminiClient; now?: () => Date }, input: AiTurnInput): Promise<AiTurn> {
  const context = await withTenant(deps.db.app, input.tenantId, async (trx) => {
    const settings = await loadAiSettings(trx);
    const facts: AiTurnFacts = {
      enabled: settings.enabled,
      onDuty: aiOnDuty(settings, deps.now?.() ?? new Date()),
      question: input.question,
      aiRepliesSoFar: input.aiRepliesSoFar,
      maxRepliesPerConversation: settings.maxRepliesPerConversation,
      planAiRepliesLeft: null,
    };
    // The plan's allowance is read only when every other rule lets the AI answer.
    let gate = aiTurnGate(facts);
    if (gate.kind === 'ask') gate = aiTurnGate({ ...facts, planAiRepliesLeft: await aiRepliesLeftThisMonth(trx) });
    if (gate.kind !== 'ask') return gate;
    const question = facts.question!;
    // One connection per transaction: its queries run one after another.
    const businessName = await findTenantName(trx, input.tenantId);
    const passages = await searchKnowledge(trx, question, aiPromptLimits.passages);
    const history = await recentTurns(trx, input.conversationId, input.inboundMessageId);
    return {
      kind: 'ask' as const,
      settings,
      prompt: buildAgentPrompt({ businessName: businessName ?? 'the business', persona: settings.persona, blockedIntents: settings.blockedIntents, passages, history, question }),
    };
  });
  if (context.kind !== 'ask') return context;

  const { settings, prompt } = context;
  let result;
  try {
    result = await deps.gemini.answer({ ...prompt, timeoutMs: GEMINI_ANSWER_TIMEOUT_MS });
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
  const answer = parseAiAnswer(result.text);
  if (!answer) return { kind: 'handoff', reason: 'ai_malformed_answer' };
  return {
    kind: 'answer',
    answer,
    policy: { confidenceThreshold: settings.confidenceThreshold, maxRepliesPerConversation: settings.maxRepliesPerConversation, blockedIntents: settings.blockedIntents },
  };
}

/** The last few text messages before the question, oldest first (context for follow-up questions). */
async function recentTurns(trx: Knex, conversationId: string, excludeMessageId: string): Promise<PriorTurn[]> {
  const rows = await recentTextMessages(trx, conversationId, excludeMessageId, aiPromptLimits.history);
  return rows
    .reverse()
    .map((row) => {
      const content = row.content as { body?: unknown; text?: { body?: unknown } };
      return { direction: row.direction, text: String(content?.body ?? content?.text?.body ?? '') };
    })
    .filter((turn) => turn.text);
}
