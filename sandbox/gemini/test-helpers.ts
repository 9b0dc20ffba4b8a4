import type { AgentAnswer } from './types';

export const API_KEY = 'test-gemini-key';
export const MODEL = 'gemini-2.5-flash';

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** A raw REST call, shaped the way `@google/genai` sends it (key in `x-goog-api-key`). */
export async function call(
  base: string,
  path: string,
  body: unknown,
  opts: { key?: string | null; method?: string; signal?: AbortSignal; controlToken?: string } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.controlToken) headers['x-sandbox-control-token'] = opts.controlToken;
  if (opts.key !== null) headers['x-goog-api-key'] = opts.key ?? API_KEY;
  const res = await fetch(`${base}${path}`, {
    method: opts.method ?? 'POST',
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: opts.signal,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The request body the SDK builds for `generateContent({ model, contents: prompt, config: { systemInstruction, responseMimeType, responseSchema } })`. */
export function agentRequest(prompt: string, opts: { system?: string; schema?: unknown; json?: boolean } = {}) {
  return {
    contents: [{ role: 'user', parts: [{ text: prompt }] }],
    ...(opts.system ? { systemInstruction: { parts: [{ text: opts.system }] } } : {}),
    generationConfig: {
      temperature: 0.2,
      ...(opts.json === false ? {} : { responseMimeType: 'application/json' }),
      responseSchema: opts.schema ?? AGENT_SCHEMA,
    },
  };
}

export const AGENT_SCHEMA = {
  type: 'OBJECT',
  properties: {
    reply: { type: 'STRING' },
    confidence: { type: 'NUMBER' },
    intent: { type: 'STRING' },
    handoff: { type: 'BOOLEAN' },
  },
  required: ['reply', 'confidence', 'intent', 'handoff'],
};

/** What `response.text` gives with the SDK: the text parts of the first candidate, joined. */
export function responseText(json: any): string | undefined {
  const parts: { text?: string; thought?: boolean }[] | undefined = json?.candidates?.[0]?.content?.parts;
  if (!parts) return undefined;
  return parts
    .filter((p) => !p.thought && typeof p.text === 'string')
    .map((p) => p.text)
    .join('');
}

export async function ask(base: string, prompt: string, opts: { system?: string; schema?: unknown } = {}): Promise<AgentAnswer> {
  const res = await call(base, `/v1beta/models/${MODEL}:generateContent`, agentRequest(prompt, opts));
  if (res.status !== 200) throw new Error(`generateContent answered ${res.status}: ${res.text}`);
  return JSON.parse(responseText(res.json) ?? '') as AgentAnswer;
}
