import { keywords, stem } from './text';
import type { AgentAnswer } from './types';

const LEGAL = /\b(?:legal|lawyers?|attorneys?|sue|suing|sued|lawsuits?|court|solicitors?)\b/i;
const REFUND = /\b(?:refunds?|refunded|refunding|money\s+back|chargebacks?|reimburse(?:d|ment)?)\b/i;
const COMPLAINT = /\b(?:angry|complain(?:s|ed|ing|ts?)?|terrible|awful|horrible|worst|unacceptable|furious|disgusting|pathetic)\b/i;
const GREETING = /\b(?:hi|hello|hey|hiya|howdy|greetings|namaste|hola|good\s+(?:morning|afternoon|evening))\b/i;
/** Words a pure greeting may contain besides the greeting itself. */
const GREETING_WORDS = new Set(['hello', 'hey', 'hiya', 'howdy', 'greetings', 'namaste', 'hola', 'good', 'morning', 'afternoon', 'evening', 'everyone', 'team', 'folks'].map(stem));

export const REPLIES = {
  legal: "I'm passing this to a member of our team who can help with legal matters.",
  refund: "I've passed your refund request to our team; someone will get back to you shortly.",
  complaint: "I'm sorry about your experience. I'm connecting you with a member of our team.",
  greeting: 'Hello! How can I help you today?',
  unsure: "I'm not sure about that. Let me check with the team.",
};

/** The deterministic rules in README.md, first match wins. */
export function answerFor(question: string, passages: string[]): AgentAnswer {
  if (LEGAL.test(question)) return { reply: REPLIES.legal, confidence: 0.9, intent: 'legal', handoff: true };
  if (REFUND.test(question)) return { reply: REPLIES.refund, confidence: 0.9, intent: 'refund', handoff: true };
  if (COMPLAINT.test(question)) return { reply: REPLIES.complaint, confidence: 0.9, intent: 'complaint', handoff: true };
  const words = keywords(question);
  if (GREETING.test(question) && words.every((w) => GREETING_WORDS.has(w))) {
    return { reply: REPLIES.greeting, confidence: 0.95, intent: 'greeting', handoff: false };
  }
  const passage = bestPassage(words, passages);
  if (passage !== undefined) return { reply: `Here's what I found: "${passage}"`, confidence: 0.9, intent: 'question', handoff: false };
  return { reply: REPLIES.unsure, confidence: 0.3, intent: 'other', handoff: false };
}

/** The passage sharing the most distinct keywords with the question (earliest on ties); none when nothing is shared. */
export function bestPassage(questionWords: string[], passages: string[]): string | undefined {
  const wanted = new Set(questionWords);
  let best: string | undefined;
  let bestScore = 0;
  for (const passage of passages) {
    const score = new Set(keywords(passage).filter((w) => wanted.has(w))).size;
    if (score > bestScore) [best, bestScore] = [passage, score];
  }
  return best;
}

type Schema = { properties?: Record<string, { enum?: unknown[] } | undefined> };

/**
 * Like Gemini, emit only the properties the response schema declares (when it declares any of ours),
 * and keep `intent` inside its enum.
 */
export function shapeToSchema(answer: AgentAnswer, schema: unknown): Record<string, unknown> {
  const properties = (schema as Schema | undefined)?.properties;
  if (!properties || typeof properties !== 'object') return { ...answer };
  const keys = (Object.keys(answer) as (keyof AgentAnswer)[]).filter((k) => k in properties);
  if (keys.length === 0) return { ...answer };
  const out: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, answer[k]]));
  const allowed = properties.intent?.enum;
  if ('intent' in out && Array.isArray(allowed) && allowed.length > 0 && !allowed.includes(answer.intent)) {
    out.intent = allowed.includes('other') ? 'other' : allowed[allowed.length - 1];
  }
  return out;
}
