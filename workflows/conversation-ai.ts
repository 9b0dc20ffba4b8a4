import { proxyActivities } from '@temporalio/workflow';
import type { AiActivities } from '../activities/ai';
import type { AiTurn } from '../activities/ai/answer-with-ai';
import { decideAiTurn, type AiDecision } from '../domain/ai-guardrails';
import type { TMessageContent } from '../domain/messages';
import type { ConversationState } from './conversation-state';

// Gemini's 429/5xx/timeouts are retried a few times (Retry-After honoured through nextRetryDelay); after
// that, or on a refusal, the customer is handed to people rather than left unanswered.
const ai = proxyActivities<AiActivities>({
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 4, nonRetryableErrorTypes: ['gemini_refused'] },
});

export interface AiTurnHooks {
  reply(content: TMessageContent): Promise<void>;
  handOff(reason: string): Promise<void>;
}

/** One inbound message offered to the AI agent; the guardrails decide between a reply and a handoff. */
export async function takeAiTurn(
  state: ConversationState,
  input: { tenantId: string; conversationId: string; inboundMessageId: string; question: string | null },
  hooks: AiTurnHooks,
): Promise<void> {
  let turn: AiTurn;
  try {
    turn = await ai.answerWithAi({ ...input, aiRepliesSoFar: state.seed.aiReplyCount });
  } catch {
    turn = { kind: 'handoff', reason: 'ai_unavailable' };
  }
  // A takeover (or a STOP) that arrived while Gemini was answering wins: the answer is dropped.
  if (state.seed.mode !== 'ai' || state.seed.optedOut || turn.kind === 'off') return;
  const decision: AiDecision = turn.kind === 'handoff' ? { action: 'handoff', reason: turn.reason } : decideAiTurn(turn.answer, turn.policy, state.seed.aiReplyCount);
  if (decision.action === 'reply') await hooks.reply(decision.content);
  else await hooks.handOff(decision.reason);
}
