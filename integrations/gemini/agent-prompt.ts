import type { Content } from '@google/genai';
import type { TKnowledgePassage } from '../../domain/ai';

export interface PriorTurn {
  direction: 'inbound' | 'outbound';
  text: string;
}

export interface AgentPromptInput {
  businessName: string;
  persona: string;
  blockedIntents: string[];
  passages: TKnowledgePassage[];
  /** Oldest first, without the question itself. */
  history: PriorTurn[];
  question: string;
}

/**
 * The system instruction carries the rules and the knowledge-base passages (quoted, so the model can
 * cite them and nothing else); the turns carry the conversation, ending with the customer's question.
 */
export function buildAgentPrompt(input: AgentPromptInput): { systemInstruction: string; contents: Content[] } {
  const knowledge = input.passages.length
    ? ['Knowledge base:', ...input.passages.map((p, i) => `[${i + 1}] "${oneLine(p.content).replace(/"/g, "'")}"`)].join('\n')
    : 'Knowledge base: none';
  const systemInstruction = [
    `You are the WhatsApp assistant of ${input.businessName}.`,
    // The blank line after keeps the business's words apart from ours.
    input.persona.trim() ? `Instructions from the business:\n${input.persona.trim()}\n` : '',
    'Answer only from the knowledge base passages below and the conversation. If they do not answer the question, say so and set handoff to true.',
    "Keep replies short and friendly, in the customer's language. Never invent prices, policies, dates or links.",
    `Classify the customer's intent in one lowercase word (for example greeting, question, order_status, ${[...new Set(['refund', 'legal', 'complaint', ...input.blockedIntents])].join(', ')}, other).`,
    'Set confidence between 0 and 1: how sure you are that the reply is correct and complete.',
    'Set handoff to true when a person should take over.',
    'Answer as JSON: {"reply": string, "confidence": number, "intent": string, "handoff": boolean}.',
    '',
    knowledge,
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');

  const contents: Content[] = mergeTurns([
    ...input.history.map((turn) => ({ role: turn.direction === 'inbound' ? 'user' : 'model', text: turn.direction === 'inbound' ? `Customer: ${turn.text}` : turn.text })),
    { role: 'user', text: `Customer: ${input.question}` },
  ]);
  return { systemInstruction, contents };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Gemini expects turns to alternate; consecutive messages from one side become one turn. */
function mergeTurns(turns: { role: string; text: string }[]): Content[] {
  const merged: Content[] = [];
  for (const turn of turns) {
    const last = merged[merged.length - 1];
    if (last && last.role === turn.role) last.parts!.push({ text: turn.text });
    else merged.push({ role: turn.role, parts: [{ text: turn.text }] });
  }
  while (merged.length && merged[0].role !== 'user') merged.shift();
  return merged;
}
