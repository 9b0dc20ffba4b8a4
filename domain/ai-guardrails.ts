import type { TAiAnswer } from './ai';
import type { InboundMessage, TMessageContent } from './messages';

/** The parts of a tenant's AI settings the conversation actor applies to an answer. */
export interface AiPolicy {
  confidenceThreshold: number;
  maxRepliesPerConversation: number;
  blockedIntents: string[];
}

export type AiDecision = { action: 'reply'; content: TMessageContent } | { action: 'handoff'; reason: string };

/** What the customer said, as text the model can answer; null for what it cannot (media, location…). */
export function questionOf(message: InboundMessage): string | null {
  const c = message.content as { body?: string; text?: string; button_reply?: { title?: string }; list_reply?: { title?: string } };
  const text = message.type === 'text' ? c.body : message.type === 'button' ? c.text : message.type === 'interactive' ? (c.button_reply?.title ?? c.list_reply?.title) : null;
  return typeof text === 'string' && text.trim() ? text.trim() : null;
}

/**
 * The guardrails, in order: the model asked for a person, the intent is one people must handle, the
 * answer is not confident enough or empty, the conversation already had its share of AI replies.
 * Otherwise the reply goes out — always as plain text: the AI never sends templates.
 */
export function decideAiTurn(answer: TAiAnswer, policy: AiPolicy, aiRepliesSoFar: number): AiDecision {
  const intent = answer.intent.trim().toLowerCase();
  if (policy.blockedIntents.includes(intent)) return { action: 'handoff', reason: `blocked_intent:${intent}` };
  if (answer.handoff) return { action: 'handoff', reason: 'ai_requested' };
  if (answer.confidence < policy.confidenceThreshold) return { action: 'handoff', reason: 'low_confidence' };
  const reply = answer.reply.trim();
  if (!reply) return { action: 'handoff', reason: 'empty_answer' };
  if (aiRepliesSoFar >= policy.maxRepliesPerConversation) return { action: 'handoff', reason: 'reply_cap' };
  return { action: 'reply', content: { type: 'text', text: { body: reply.slice(0, 4096) } } };
}
