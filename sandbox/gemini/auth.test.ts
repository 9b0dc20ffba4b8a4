import { startGeminiSimulator, type GeminiSimulator } from '.';
import { agentRequest, call, MODEL } from './test-helpers';

const GENERATE = `/v1beta/models/${MODEL}:generateContent`;

let sim: GeminiSimulator;
beforeAll(async () => {
  sim = await startGeminiSimulator({ apiKey: 'test-gemini-key' });
});
afterAll(() => sim.stop());

describe('API key and request errors', () => {
  it('403 PERMISSION_DENIED without a key', async () => {
    const res = await call(sim.url, GENERATE, agentRequest('hi'), { key: null });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED', message: expect.stringContaining('unregistered callers') });
  });

  it('400 INVALID_ARGUMENT (API_KEY_INVALID) for a wrong key, in the header or ?key=', async () => {
    for (const res of [await call(sim.url, GENERATE, agentRequest('hi'), { key: 'wrong' }), await call(sim.url, `${GENERATE}?key=wrong`, agentRequest('hi'), { key: null })]) {
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' });
      expect(res.json.error.details[0]).toMatchObject({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' });
    }
  });

  it('checks the key before anything else', async () => {
    expect((await call(sim.url, '/v1beta/models/nope:generateContent', '{oops', { key: 'wrong' })).json.error.details[0].reason).toBe('API_KEY_INVALID');
    expect((await call(sim.url, '/v1beta/models/nope:generateContent', '{oops', { key: null })).status).toBe(403);
    expect((await call(sim.url, '/v1beta/models/nope:generateContent', '{oops')).status).toBe(404);
  });

  it('404 NOT_FOUND for an unknown model or method', async () => {
    const unknown = await call(sim.url, '/v1beta/models/gpt-4o:generateContent', agentRequest('hi'));
    expect(unknown.json.error).toMatchObject({ code: 404, status: 'NOT_FOUND', message: expect.stringContaining('models/gpt-4o is not found') });
    expect((await call(sim.url, `/v1beta/models/${MODEL}:embedContent`, {})).status).toBe(404);
    expect((await call(sim.url, `/v1beta/models/${MODEL}:countTokens`, {})).status).toBe(404);
    expect((await call(sim.url, GENERATE, undefined, { method: 'GET' })).status).toBe(404);
  });

  it('400 INVALID_ARGUMENT for bad JSON or missing contents', async () => {
    const bad = await call(sim.url, GENERATE, '{"contents": [');
    expect(bad.json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: expect.stringContaining('Invalid JSON payload') });
    const empty = await call(sim.url, GENERATE, { contents: [] });
    expect(empty.json.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: expect.stringContaining('contents is not specified') });
  });
});
