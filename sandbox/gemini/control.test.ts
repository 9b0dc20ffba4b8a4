import { startGeminiSimulator, type GeminiSimulator } from '.';
import { agentRequest, ask, call, MODEL } from './test-helpers';

let sim: GeminiSimulator;
beforeAll(async () => {
  sim = await startGeminiSimulator({ apiKey: 'test-gemini-key' });
});
afterAll(() => sim.stop());
afterEach(() => sim.reset());

const control = (path: string, body?: unknown, method = 'POST') => call(sim.url, `/_sim${path}`, body, { key: null, method, controlToken: sim.controlToken });

describe('/_sim control API', () => {
  it('health, CORS and 404', async () => {
    const health = await control('/health', undefined, 'GET');
    expect(health.json).toEqual({ ok: true, url: sim.url });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
    expect((await control('/nope', undefined, 'GET')).status).toBe(404);
    expect((await control('/faults', undefined, 'OPTIONS')).status).toBe(204);
  });

  it('knowledge and queued answers', async () => {
    expect((await control('/knowledge/acme%20store', { docs: ['Gift cards never expire.'] }, 'PUT')).status).toBe(200);
    expect((await ask(sim.url, 'Do gift cards expire?', { system: 'You work for Acme Store.' })).reply).toContain('never expire');
    await control('/answers', { answers: [{ confidence: 0.1 }] });
    expect((await ask(sim.url, 'hello')).confidence).toBe(0.1);
    expect((await control('/answers', { answers: [{ confidence: 2 }] })).status).toBe(400);
  });

  it('faults: inject, list, clear; requests; reset', async () => {
    const injected = await control('/faults', { kind: 'http', status: 429, times: 1 });
    expect(injected.json.id).toEqual(expect.any(String));
    expect((await control('/faults', undefined, 'GET')).json.data).toHaveLength(1);
    expect((await call(sim.url, `/v1beta/models/${MODEL}:generateContent`, agentRequest('hi'))).status).toBe(429);
    await control('/faults', { kind: 'delay', ms: 10 });
    await control('/faults', undefined, 'DELETE');
    expect(sim.activeFaults()).toEqual([]);
    expect((await control('/faults', { kind: 'explode' })).json.error.message).toEqual(expect.any(String));

    const requests = (await control('/requests', undefined, 'GET')).json.data;
    expect(requests).toEqual([expect.objectContaining({ operation: 'generateContent', status: 429 })]);
    await control('/reset');
    expect(sim.requests()).toEqual([]);
  });
});
