import { detectLanguage, PHRASES, type ReplyLanguage } from './language';
import type { Persona } from './persona';
import { confidenceOf, relevantSentences } from './relevance';
import { keywords, stem } from './text';
import type { AgentAnswer } from './types';

const LEGAL = /\b(?:legal|lawyers?|attorneys?|sue|suing|sued|lawsuits?|court|solicitors?)\b/i;
const REFUND = /\b(?:refunds?|refunded|refunding|money\s+back|chargebacks?|reimburse(?:d|ment)?)\b/i;
const COMPLAINT = /\b(?:angry|complain(?:s|ed|ing|ts?)?|terrible|awful|horrible|worst|unacceptable|furious|disgusting|pathetic)\b/i;
const GREETING = /\b(?:hi|hello|hey|hiya|howdy|greetings|namaste|hola|bonjour|good\s+(?:morning|afternoon|evening))\b|olá|नमस्ते|مرحبا|السلام/i;
/** Words a pure greeting may contain besides the greeting itself. */
const GREETING_WORDS = new Set(
  [
    'hello',
    'hey',
    'hiya',
    'howdy',
    'greetings',
    'namaste',
    'hola',
    'olá',
    'bonjour',
    'नमस्ते',
    'مرحبا',
    'السلام',
    'عليكم',
    'good',
    'morning',
    'afternoon',
    'evening',
    'everyone',
    'team',
    'folks',
    'buenos',
    'días',
    'buenas',
    'tardes',
    'bom',
    'dia',
    'ji',
  ].map(stem),
);

/** The English replies, for exact assertions (other languages: `PHRASES` in language.ts). */
export const REPLIES = {
  legal: PHRASES.en.legal,
  refund: PHRASES.en.refund,
  complaint: PHRASES.en.complaint,
  greeting: PHRASES.en.greeting(undefined, undefined),
  unsure: PHRASES.en.unsure,
};

const NO_PERSONA: Persona = { brief: false };

/** The deterministic rules in README.md, first match wins; worded in the customer's language and the persona's voice. */
export function answerFor(question: string, passages: string[], persona: Persona = NO_PERSONA): AgentAnswer {
  const language = detectLanguage(question);
  const say = PHRASES[language];
  if (LEGAL.test(question)) return { reply: say.legal, confidence: 0.9, intent: 'legal', handoff: true };
  if (REFUND.test(question)) return { reply: say.refund, confidence: 0.9, intent: 'refund', handoff: true };
  if (COMPLAINT.test(question)) return { reply: say.complaint, confidence: 0.9, intent: 'complaint', handoff: true };
  const words = keywords(question);
  if (GREETING.test(question) && words.every((w) => GREETING_WORDS.has(w))) {
    return { reply: say.greeting(persona.name, persona.business), confidence: 0.95, intent: 'greeting', handoff: false };
  }
  const match = relevantSentences(question, passages);
  if (match) return { reply: phrase(match.sentences, language, persona), confidence: confidenceOf(match.coverage), intent: 'question', handoff: false };
  return { reply: say.unsure, confidence: 0.3, intent: 'other', handoff: false };
}

/** The knowledge in the business's words, framed as a reply: who is answering, and (unless asked to be brief) an offer of more help. */
function phrase(sentences: string[], language: ReplyLanguage, persona: Persona): string {
  const say = PHRASES[language];
  const parts = [persona.name || !persona.brief ? say.intro(persona.name, persona.business) : '', say.lead, sentences.join(' '), persona.brief ? '' : say.closing];
  return parts.filter(Boolean).join(' ');
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
