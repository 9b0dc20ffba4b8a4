import { startGeminiSimulator, type GeminiSimulator } from '.';
import { agentRequest, ask, call, MODEL, responseText } from './test-helpers';

const GENERATE = `/v1beta/models/${MODEL}:generateContent`;
const EMBED = '/v1beta/models/gemini-embedding-001:batchEmbedContents';
const embedBody = { requests: [{ model: 'models/gemini-embedding-001', content: { parts: [{ text: 'hello world' }] } }] };

let sim: GeminiSimulator;
beforeAll(async () => {
  sim = await startGeminiSimulator({ apiKey: 'test-gemini-key' });
});
afterAll(() => sim.stop());
afterEach(() => sim.reset());

describe('faults', () => {
  it('429 RESOURCE_EXHAUSTED with RetryInfo and retry-after, for the next N calls only', async () => {
    sim.injectFault({ kind: 'http', status: 429, retryAfterSeconds: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await call(sim.url, GENERATE, agentRequest('hi'));
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.json.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED', message: expect.stringContaining('quota') });
      expect(res.json.error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' });
    }
    expect((await call(sim.url, GENERATE, agentRequest('hi'))).status).toBe(200);
    expect(sim.activeFaults()).toEqual([]);
  });

  it('503 UNAVAILABLE until cleared, on embeddings too', async () => {
    sim.injectFault({ kind: 'http', status: 503 });
    for (const [path, body] of [
      [GENERATE, agentRequest('hi')],
      [EMBED, embedBody],
    ] as const) {
      const res = await call(sim.url, path, body);
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } });
    }
    expect(sim.activeFaults()[0].hits).toBe(2);
    sim.clearFaults();
    expect((await call(sim.url, GENERATE, agentRequest('hi'))).status).toBe(200);
  });

  it('scopes a fault to one operation', async () => {
    sim.injectFault({ kind: 'http', status: 500, operation: 'embed' });
    expect((await call(sim.url, GENERATE, agentRequest('hi'))).status).toBe(200);
    const res = await call(sim.url, EMBED, embedBody);
    expect(res.json.error).toMatchObject({ code: 500, status: 'INTERNAL' });
  });

  it('delays an answer', async () => {
    sim.injectFault({ kind: 'delay', ms: 300, times: 1 });
    const started = Date.now();
    expect((await ask(sim.url, 'hello')).intent).toBe('greeting');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('hangs until the client gives up', async () => {
    sim.injectFault({ kind: 'hang', times: 1 });
    await expect(call(sim.url, GENERATE, agentRequest('hi'), { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    expect((await call(sim.url, GENERATE, agentRequest('hi'))).status).toBe(200);
  });

  it('malformed-text: a 200 whose text part is not JSON, and the queued answer is kept', async () => {
    sim.nextAnswers([{ intent: 'queued' }]);
    sim.injectFault({ kind: 'malformed-text', times: 1 });
    const res = await call(sim.url, GENERATE, agentRequest('hello'));
    expect(res.status).toBe(200);
    expect(res.json.candidates[0].finishReason).toBe('STOP');
    expect(() => JSON.parse(responseText(res.json)!)).toThrow(SyntaxError);
    expect((await ask(sim.url, 'hello')).intent).toBe('queued');
  });

  it('malformed-body: truncated JSON', async () => {
    sim.injectFault({ kind: 'malformed-body', times: 1 });
    const res = await call(sim.url, GENERATE, agentRequest('hello'));
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined();
    expect(res.text).toContain('"candidates"');
  });

  it('blocked: no candidates, promptFeedback.blockReason SAFETY', async () => {
    sim.injectFault({ kind: 'blocked', times: 1 });
    const res = await call(sim.url, GENERATE, agentRequest('hello'));
    expect(res.status).toBe(200);
    expect(res.json.candidates).toBeUndefined();
    expect(res.json.promptFeedback.blockReason).toBe('SAFETY');
    expect(res.json.usageMetadata.promptTokenCount).toBeGreaterThan(0);
    expect(responseText(res.json)).toBeUndefined();
  });

  it('safety: a candidate with finishReason SAFETY and no content', async () => {
    sim.injectFault({ kind: 'safety', times: 1 });
    const res = await call(sim.url, GENERATE, agentRequest('hello'));
    expect(res.json.candidates).toEqual([expect.objectContaining({ finishReason: 'SAFETY', index: 0 })]);
    expect(res.json.candidates[0].content).toBeUndefined();
    expect(responseText(res.json)).toBeUndefined();
  });

  it('answer-shaped faults leave embeddings alone', async () => {
    sim.injectFault({ kind: 'safety' });
    expect((await call(sim.url, EMBED, embedBody)).status).toBe(200);
    expect(sim.activeFaults()[0].hits).toBe(0);
  });

  it('rejects a bad fault spec', () => {
    expect(() => sim.injectFault({ kind: 'http', status: 418 } as never)).toThrow();
  });

  it('records the fault that hit a call', async () => {
    const id = sim.injectFault({ kind: 'http', status: 503, times: 1 });
    await call(sim.url, GENERATE, agentRequest('hi'));
    expect(sim.requests()[0]).toMatchObject({ faultId: id, status: 503 });
  });
});
