import { ApiError, GoogleGenAI, Type, type Content } from '@google/genai';
import type { AppConfig } from '../../config';

/** How long one answer may take, in the conversation and in the settings' test box alike. */
export const GEMINI_ANSWER_TIMEOUT_MS = 10_000;

export interface GeminiAnswerCall {
  systemInstruction: string;
  contents: Content[];
  timeoutMs: number;
}

export interface GeminiUsage {
  promptTokens: number;
  answerTokens: number;
  totalTokens: number;
}

/** What came back: the raw text part (parsed by the caller), or why there is none. */
export type GeminiResult = { kind: 'text'; text: string; usage: GeminiUsage; model: string } | { kind: 'blocked'; reason: string; usage: GeminiUsage; model: string };

/** Gemini's failure, classified once: retryable (429, 5xx, timeouts) or not (bad key, bad request). */
export class GeminiCallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | undefined,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'GeminiCallError';
  }
}

// Mirrors ZAiAnswerSchema; Gemini constrains its output to it.
const answerSchema = {
  type: Type.OBJECT,
  properties: {
    reply: { type: Type.STRING },
    confidence: { type: Type.NUMBER },
    intent: { type: Type.STRING },
    handoff: { type: Type.BOOLEAN },
  },
  required: ['reply', 'confidence', 'intent', 'handoff'],
};

/**
 * The one place the product calls Gemini (`@google/genai`, pointed at GEMINI_BASE_URL in the sandbox).
 * The SDK's own retries are off: the Temporal activity retry policy owns them.
 */
export function createGeminiClient(gemini: AppConfig['gemini']) {
  // An explicit fetch: without one the SDK reaches for Undici's global dispatcher through globalThis,
  // which is missing in sandboxed contexts (jest's VM); every call has its own timeout anyway.
  const httpOptions = { fetch: (url: RequestInfo | URL, init?: RequestInit) => fetch(url, init), ...(gemini.baseUrl ? { baseUrl: gemini.baseUrl } : {}) };
  const ai = new GoogleGenAI({ apiKey: gemini.apiKey, httpOptions });
  return {
    async answer(call: GeminiAnswerCall): Promise<GeminiResult> {
      let response;
      try {
        response = await ai.models.generateContent({
          model: gemini.model,
          contents: call.contents,
          config: {
            systemInstruction: call.systemInstruction,
            responseMimeType: 'application/json',
            responseSchema: answerSchema,
            temperature: 0.2,
            httpOptions: { timeout: call.timeoutMs },
          },
        });
      } catch (err) {
        throw classify(err);
      }
      const meta = response.usageMetadata;
      const usage = { promptTokens: meta?.promptTokenCount ?? 0, answerTokens: meta?.candidatesTokenCount ?? 0, totalTokens: meta?.totalTokenCount ?? 0 };
      const model = response.modelVersion ?? gemini.model;
      const candidate = response.candidates?.[0];
      const text = response.text;
      if (!candidate || text === undefined) {
        return { kind: 'blocked', reason: response.promptFeedback?.blockReason ?? candidate?.finishReason ?? 'NO_CANDIDATE', usage, model };
      }
      return { kind: 'text', text, usage, model };
    },
  };
}

export type GeminiClient = ReturnType<typeof createGeminiClient>;

function classify(err: unknown): GeminiCallError {
  if (err instanceof ApiError) {
    const retryable = err.status === 429 || err.status >= 500;
    return new GeminiCallError(`Gemini answered ${err.status}`, retryable, retryDelayMs(err.message), err.status);
  }
  const message = err instanceof Error ? err.message : String(err);
  // Timeouts, refused connections and bodies that are not JSON: worth another attempt.
  return new GeminiCallError(`Gemini could not be reached: ${message.slice(0, 200)}`, true, undefined, undefined);
}

/** Google's RetryInfo (`"retryDelay": "2s"`) travels in the error body the SDK puts in the message. */
function retryDelayMs(message: string): number | undefined {
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(message);
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}
