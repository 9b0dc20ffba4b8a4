import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection';
import { searchKnowledge } from '../../db/ai/knowledge-search';
import { loadAiSettings } from '../../db/ai/settings';
import { recordUsage } from '../../db/billing/usage';
import { withTenant } from '../../db/tenant-transaction';
import { findTenantName } from '../../db/tenants/tenants';
import { aiPromptLimits, parseAiAnswer, type TAiAnswer, type TAiTestResult } from '../../domain/ai';
import { decideAiTurn } from '../../domain/ai-guardrails';
import { aiOnDuty } from '../../domain/business-hours';
import { AppError } from '../../domain/errors';
import { buildAgentPrompt } from '../../integrations/gemini/agent-prompt';
import { GEMINI_ANSWER_TIMEOUT_MS, GeminiCallError, type GeminiClient } from '../../integrations/gemini/client';
import type { AuthPrincipal } from '../auth/principal';

/**
 * The AI agent's real path for one question, as if a new customer had asked it: the same knowledge
 * search, prompt and Gemini call as `answerWithAi`, then the conversation's guardrails (with no AI
 * replies so far). Nothing is sent and no `ai_reply` is metered (it is not a reply to a customer);
 * the tokens Gemini spent are recorded as `ai_tokens`, marked as a test.
 */
export async function testAiQuestion(deps: { db: Database; gemini: GeminiClient; now?: () => Date }, auth: AuthPrincipal, question: string): Promise<TAiTestResult> {
  const { settings, businessName, passages } = await withTenant(deps.db.app, auth.tenantId, async (trx) => ({
    settings: await loadAiSettings(trx),
    businessName: await findTenantName(trx, auth.tenantId),
    passages: await searchKnowledge(trx, question, aiPromptLimits.passages),
  }));
  const prompt = buildAgentPrompt({
    businessName: businessName ?? 'the business',
    persona: settings.persona,
    blockedIntents: settings.blockedIntents,
    passages,
    history: [],
    question,
  });

  let result;
  try {
    result = await deps.gemini.answer({ ...prompt, timeoutMs: GEMINI_ANSWER_TIMEOUT_MS });
  } catch (err) {
    if (!(err instanceof GeminiCallError)) throw err;
    throw new AppError('unavailable', 'The AI could not be reached just now; try the question again in a moment');
  }
  await withTenant(deps.db.app, auth.tenantId, (trx) =>
    recordUsage(trx, {
      tenantId: auth.tenantId,
      kind: 'ai_tokens',
      idempotencyKey: `ai_test:${randomUUID()}`,
      quantity: result.usage.totalTokens,
      metadata: { model: result.model, promptTokens: result.usage.promptTokens, answerTokens: result.usage.answerTokens, test: true, userId: auth.userId },
    }),
  );

  const answer: TAiAnswer | null = result.kind === 'text' ? parseAiAnswer(result.text) : null;
  const policy = { confidenceThreshold: settings.confidenceThreshold, maxRepliesPerConversation: settings.maxRepliesPerConversation, blockedIntents: settings.blockedIntents };
  const decision = answer ? decideAiTurn(answer, policy, 0) : ({ action: 'handoff', reason: result.kind === 'blocked' ? 'ai_blocked' : 'ai_malformed_answer' } as const);
  return {
    question,
    passages,
    answer,
    decision: decision.action === 'reply' ? { action: 'reply', reason: null } : { action: 'handoff', reason: decision.reason },
    confidenceThreshold: settings.confidenceThreshold,
    aiEnabled: settings.enabled,
    aiOnDuty: aiOnDuty(settings, deps.now?.() ?? new Date()),
  };
}
