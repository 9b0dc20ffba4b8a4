import { answerFor, shapeToSchema } from './answer';
import { invalidArgument } from './errors';
import { readPersona } from './persona';
import { readPrompt } from './prompt';
import { tokenCount } from './text';
import type { GeminiRequestRecord, KnowledgeDoc, NextAnswer } from './types';

export interface GenerateState {
  knowledge: Map<string, KnowledgeDoc[]>;
  answers: NextAnswer[];
  nextResponseId(): string;
}

export type AnswerShape = 'normal' | 'malformed-text' | 'blocked' | 'safety';

type Json = Record<string, unknown>;

const docText = (doc: KnowledgeDoc) => (typeof doc === 'string' ? doc : doc.text);

/** Knowledge of every tenant whose key appears in the prompt (case-insensitive), and of `'*'`. */
function tenantPassages(knowledge: Map<string, KnowledgeDoc[]>, promptText: string): string[] {
  const haystack = promptText.toLowerCase();
  const out: string[] = [];
  for (const [key, docs] of knowledge) if (key === '*' || haystack.includes(key.toLowerCase())) out.push(...docs.map(docText));
  return out;
}

function usage(promptTokens: number, candidateTokens?: number) {
  const usageMetadata: Json = { promptTokenCount: promptTokens };
  if (candidateTokens !== undefined) usageMetadata.candidatesTokenCount = candidateTokens;
  usageMetadata.totalTokenCount = promptTokens + (candidateTokens ?? 0);
  usageMetadata.promptTokensDetails = [{ modality: 'TEXT', tokenCount: promptTokens }];
  return usageMetadata;
}

const BLOCKED_RATINGS = [
  { category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true },
  { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
];

/** A GenerateContentResponse for the request; faulted shapes never consume a queued answer. */
export function generate(state: GenerateState, model: string, body: Json, shape: AnswerShape, record: GeminiRequestRecord): Json {
  const contents = body.contents;
  if (contents === undefined || (Array.isArray(contents) && contents.length === 0)) {
    throw invalidArgument('* GenerateContentRequest.contents: contents is not specified\n');
  }
  const prompt = readPrompt(body);
  const promptTokens = Math.max(1, tokenCount(prompt.allText));
  const base = { modelVersion: model, responseId: state.nextResponseId() };
  record.question = prompt.question;

  if (shape === 'blocked') return { promptFeedback: { blockReason: 'SAFETY', safetyRatings: BLOCKED_RATINGS }, usageMetadata: usage(promptTokens), ...base };
  if (shape === 'safety') {
    return { candidates: [{ finishReason: 'SAFETY', index: 0, safetyRatings: BLOCKED_RATINGS }], usageMetadata: usage(promptTokens), ...base };
  }

  const passages = [...prompt.passages, ...tenantPassages(state.knowledge, prompt.allText)];
  const config = (body.generationConfig ?? body.generation_config ?? {}) as Json;
  const json = /json/i.test(String(config.responseMimeType ?? config.response_mime_type ?? ''));
  const schema = config.responseJsonSchema ?? config.response_json_schema ?? config.responseSchema ?? config.response_schema;

  const override = shape === 'normal' ? state.answers.shift() : undefined;
  let answer = answerFor(prompt.question, passages, readPersona(prompt.system));
  let text: string;
  if (override && 'text' in override) {
    text = override.text;
  } else {
    answer = { ...answer, ...override };
    text = json ? JSON.stringify(shapeToSchema(answer, schema)) : answer.reply;
  }
  // Prose before half an object: what a model that ignored the JSON instruction and ran out of tokens sends.
  if (shape === 'malformed-text') text = `Sure! ${text.slice(0, Math.ceil(text.length / 2))}`;
  Object.assign(record, { passages, answer, text });

  return {
    candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: usage(promptTokens, tokenCount(text)),
    ...base,
  };
}
