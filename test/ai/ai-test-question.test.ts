import request from 'supertest';
import type { TestApp } from '../support/harness';
import { bearer, type RegisteredTenant } from '../support/factories';
import { startTwoWorkspaces } from '../inbox/team-member';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let agentToken: string;

const HOURS = 'We are open 9am to 6pm, Monday to Saturday. On Sundays the shop is closed.';
const SHIPPING = 'Orders ship within 2 days of payment. Delivery takes 3 to 5 business days across India.';
const OTHER_SECRET = 'Zanzibar warehouse staff discount is 40 percent on Saturday.';

beforeAll(async () => {
  ({ app, tenant, other, agentToken } = await startTwoWorkspaces());
  await put({ persona: 'Your name is Priya. Be warm.' }).expect(200);
  await request(app.url).post('/ai/knowledge').set(bearer(tenant.accessToken)).send({ title: 'Hours', format: 'text', content: HOURS }).expect(201);
  await request(app.url).post('/ai/knowledge').set(bearer(tenant.accessToken)).send({ title: 'Shipping', format: 'text', content: SHIPPING }).expect(201);
  await request(app.url).post('/ai/knowledge').set(bearer(other.accessToken)).send({ title: 'Staff', format: 'text', content: OTHER_SECRET }).expect(201);
});
afterEach(() => app.gemini.clearFaults());
afterAll(() => app?.stop());

const put = (body: object) => request(app.url).put('/ai/settings').set(bearer(tenant.accessToken)).send(body);
const ask = (question: unknown, token: string | null = tenant.accessToken) => {
  const req = request(app.url).post('/ai/test-question');
  return (token ? req.set(bearer(token)) : req).send({ question });
};
const generateCalls = () => app.gemini.requests().filter((r) => r.operation === 'generateContent');
const usage = async (tenantId: string) =>
  (await app.db.system('usage_events').where({ tenant_id: tenantId }).orderBy('occurred_at')).map((u) => ({
    kind: u.kind as string,
    metadata: u.metadata as Record<string, unknown>,
  }));
const conversationCount = async (tenantId: string) => Number((await app.db.system('conversations').where({ tenant_id: tenantId }).count({ n: '*' }))[0].n);

describe('POST /ai/test-question', () => {
  it('runs the real AI path: knowledge search, prompt with the persona, Gemini, the guardrails — and sends nothing', async () => {
    const callsBefore = generateCalls().length;
    const sentBefore = app.meta.sent().length;
    const res = await ask('Is the shop closed on Sundays?').expect(200);
    expect(res.body).toEqual({
      question: 'Is the shop closed on Sundays?',
      passages: [expect.objectContaining({ title: 'Hours', content: HOURS })],
      answer: { reply: expect.any(String), confidence: 0.95, intent: 'question', handoff: false },
      decision: { action: 'reply', reason: null },
      confidenceThreshold: 0.7,
      aiEnabled: false,
      aiOnDuty: true,
    });
    // The one relevant sentence, as Priya of this workspace — not the whole document.
    expect(res.body.answer.reply).toBe(`Hi, this is Priya from ${tenant.tenant.name}! On Sundays the shop is closed. Anything else I can help you with?`);

    const calls = generateCalls().slice(callsBefore);
    expect(calls).toHaveLength(1);
    const system = JSON.stringify(calls[0].body);
    expect(system).toContain(`You are the WhatsApp assistant of ${tenant.tenant.name}.`);
    expect(system).toContain('Your name is Priya. Be warm.');
    expect(calls[0].passages).toEqual([HOURS]);
    expect(calls[0].question).toBe('Is the shop closed on Sundays?');

    // Nothing reached a customer; the tokens are metered as a test, no AI reply is counted.
    expect(app.meta.sent()).toHaveLength(sentBefore);
    expect(await conversationCount(tenant.tenant.id)).toBe(0);
    const events = await usage(tenant.tenant.id);
    expect(events.filter((e) => e.kind === 'ai_reply')).toEqual([]);
    expect(events.filter((e) => e.kind === 'ai_tokens').map((e) => e.metadata)).toContainEqual(expect.objectContaining({ test: true }));
  });

  it('hands off an unrelated question for low confidence, and the threshold decides a partial match', async () => {
    const unrelated = (await ask('Can you knit me a purple giraffe?').expect(200)).body;
    expect(unrelated).toMatchObject({ passages: [], answer: { confidence: 0.3, intent: 'other' }, decision: { action: 'handoff', reason: 'low_confidence' } });

    // "hours" is not in the knowledge: half the question is covered (0.68).
    const partial = (await ask('What are your opening hours?').expect(200)).body;
    expect(partial).toMatchObject({ answer: { confidence: 0.68, intent: 'question' }, decision: { action: 'handoff', reason: 'low_confidence' } });
    await put({ confidenceThreshold: 0.6, enabled: true }).expect(200);
    try {
      expect((await ask('What are your opening hours?').expect(200)).body).toMatchObject({
        confidenceThreshold: 0.6,
        aiEnabled: true,
        decision: { action: 'reply', reason: null },
      });
    } finally {
      await put({ confidenceThreshold: 0.7, enabled: false }).expect(200);
    }
  });

  it('says which guardrail hands off: a blocked intent, a blocked answer', async () => {
    expect((await ask('I want a refund for my order').expect(200)).body).toMatchObject({
      answer: { intent: 'refund', handoff: true },
      decision: { action: 'handoff', reason: 'blocked_intent:refund' },
    });
    app.gemini.injectFault({ kind: 'blocked', times: 1 });
    expect((await ask('Is the shop closed on Sundays?').expect(200)).body).toMatchObject({ answer: null, decision: { action: 'handoff', reason: 'ai_blocked' } });
  });

  it('is open to agents, and answers 503 in the error shape when Gemini is down', async () => {
    expect((await ask('When do orders ship?', agentToken).expect(200)).body.decision).toEqual({ action: 'reply', reason: null });
    app.gemini.injectFault({ kind: 'http', status: 503, operation: 'generate' });
    const res = await ask('When do orders ship?').expect(503);
    // A 5xx message is the API's generic one (the error middleware hides what the server knows).
    expect(res.body).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
  });

  it('quotes only the workspace’s own knowledge', async () => {
    const res = await ask('Is there a staff discount at the Zanzibar warehouse?').expect(200);
    expect(JSON.stringify(res.body)).not.toContain('Zanzibar warehouse staff');
    expect(res.body).toMatchObject({ passages: [], decision: { action: 'handoff' } });
  });

  it('refuses bad input and strangers without calling Gemini or metering anything', async () => {
    const callsBefore = generateCalls().length;
    const before = await usage(tenant.tenant.id);
    for (const question of ['', '   ', 'x'.repeat(501), 42, null]) {
      const res = await ask(question).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await ask('When do you open?', null).expect(401)).body.error.code).toBe('unauthenticated');
    expect((await ask('When do you open?', 'not-a-token').expect(401)).body.error).toMatchObject({ code: expect.any(String) });
    expect(generateCalls().length).toBe(callsBefore);
    expect(await usage(tenant.tenant.id)).toEqual(before);
  });

  it('lets a workspace run only a couple of tests at once', async () => {
    app.gemini.injectFault({ kind: 'delay', ms: 1500, times: 3, operation: 'generate' });
    const statuses = (await Promise.all([1, 2, 3].map(() => ask('When do orders ship?')))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
  });
});
