import request from 'supertest';
import { REPLIES } from '../../sandbox/gemini';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { listedConversation } from '../inbox/inbox-world';

let app: TestApp;
let tenant: RegisteredTenant;
let phoneNumberId: string;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
  phoneNumberId = (await connectTestNumber(app, tenant.tenant.id)).phoneNumberId;
  await put('/ai/settings', { enabled: true, persona: 'Warm and brief.', maxRepliesPerConversation: 5 }).expect(200);
  await post('/ai/knowledge', { title: 'Opening hours', format: 'text', content: 'We are open 9am to 6pm, Monday to Saturday.' }).expect(201);
  await post('/ai/knowledge', { title: 'Shipping', format: 'markdown', content: '## Shipping\n\nOrders ship within 2 days of payment.' }).expect(201);
});
afterEach(async () => {
  await app.meta.idle();
  app.gemini.clearFaults();
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string) => request(app.url).get(path).set(bearer(tenant.accessToken));
const post = (path: string, body: object = {}) => request(app.url).post(path).set(bearer(tenant.accessToken)).send(body);
const put = (path: string, body: object) => request(app.url).put(path).set(bearer(tenant.accessToken)).send(body);

/** A new customer writes; resolves with the conversation once the actor has handled the message. */
async function customerSays(text: string, waId = customerWaId()) {
  await app.meta.customer(phoneNumberId).send({ waId, name: 'Asha' }, text);
  return { waId, conversation: await listedConversation(app, tenant, waId) };
}

const aiRepliesTo = (waId: string) => app.meta.sent({ phoneNumberId, to: waId }).map((m) => (m.body as { text?: { body?: string } }).text?.body);
const generateCalls = () => app.gemini.requests().filter((r) => r.operation === 'generateContent');
/** Gemini calls whose prompt carries this text (a call failed by a fault has no parsed question). */
const callsAbout = (text: string) => generateCalls().filter((r) => JSON.stringify(r.body ?? '').includes(text));

async function settled(conversationId: string) {
  return eventually(async () => {
    const row = (await get(`/conversations/${conversationId}`).expect(200)).body;
    expect(row.mode === 'agent' || row.aiReplyCount > 0).toBe(true);
    return row;
  });
}

describe('the AI agent', () => {
  it('answers a confident question from the knowledge base, quoting it, and meters the tokens', async () => {
    const { waId, conversation } = await customerSays('When are you open on Saturday?');
    const replies = await eventually(async () => {
      const sent = aiRepliesTo(waId);
      expect(sent).toHaveLength(1);
      return sent;
    });
    // The persona asks for brevity: the relevant sentence alone, without an opening or a closing line.
    expect(replies[0]).toBe('We are open 9am to 6pm, Monday to Saturday.');
    const call = generateCalls().find((r) => r.question === 'When are you open on Saturday?');
    expect(call?.passages).toContain('We are open 9am to 6pm, Monday to Saturday.');

    const row = await settled(conversation.id);
    expect(row).toMatchObject({ mode: 'ai', status: 'open', aiReplyCount: 1, handoffReason: null });
    const messages = (await get(`/conversations/${conversation.id}/messages`).expect(200)).body.data;
    expect(messages[0]).toMatchObject({ direction: 'outbound', sender: 'ai', type: 'text' });

    const usage = await app.db.system('usage_events').where({ tenant_id: tenant.tenant.id }).whereIn('kind', ['ai_tokens', 'ai_reply']).select('kind', 'quantity', 'metadata');
    const tokens = usage.filter((u) => u.kind === 'ai_tokens' && u.metadata.conversationId === conversation.id);
    expect(tokens).toHaveLength(1);
    expect(tokens[0].quantity).toBeGreaterThan(10);
    expect(usage.filter((u) => u.kind === 'ai_reply' && u.metadata.conversationId === conversation.id)).toHaveLength(1);
  });

  it('hands off without replying when the model is not confident', async () => {
    const { waId, conversation } = await customerSays('Can you knit me a purple giraffe?');
    const row = await settled(conversation.id);
    expect(row).toMatchObject({ mode: 'agent', status: 'pending', handoffReason: 'low_confidence', aiReplyCount: 0 });
    expect(aiRepliesTo(waId)).toEqual([]);
    // Agents are told at once: the handoff is a realtime event for the tenant.
    await eventually(async () => {
      const events = await app.db
        .system('realtime_events')
        .where({ tenant_id: tenant.tenant.id, event: 'conversation.updated' })
        .whereRaw("payload->>'conversationId' = ?", [conversation.id]);
      expect(events.map((e) => e.payload)).toContainEqual({ conversationId: conversation.id, change: 'handoff', reason: 'low_confidence' });
    });
  });

  it('hands a blocked intent to people even when the model is sure', async () => {
    app.gemini.nextAnswers([{ handoff: false, confidence: 0.99 }]);
    const { waId, conversation } = await customerSays('I want a refund for my order');
    const row = await settled(conversation.id);
    expect(row).toMatchObject({ mode: 'agent', status: 'pending', handoffReason: 'blocked_intent:refund' });
    expect(aiRepliesTo(waId)).toEqual([]);
    // The model did answer, sure and without asking for a person: the guardrail made the handoff.
    expect(callsAbout('I want a refund for my order').map((c) => c.answer)).toEqual([{ reply: REPLIES.refund, confidence: 0.99, intent: 'refund', handoff: false }]);
  });

  it('hands off once the conversation has had its share of AI replies', async () => {
    await put('/ai/settings', { maxRepliesPerConversation: 2 }).expect(200);
    try {
      const waId = customerWaId();
      const { conversation } = await customerSays('hello', waId);
      await eventually(async () => expect(aiRepliesTo(waId)).toHaveLength(1));
      await app.meta.customer(phoneNumberId).send({ waId }, 'When are you open?');
      await eventually(async () => expect(aiRepliesTo(waId)).toHaveLength(2));
      const callsBefore = generateCalls().length;
      await app.meta.customer(phoneNumberId).send({ waId }, 'Do you ship orders?');
      const row = await eventually(async () => {
        const current = (await get(`/conversations/${conversation.id}`).expect(200)).body;
        expect(current.status).toBe('pending');
        return current;
      });
      expect(row).toMatchObject({ mode: 'agent', handoffReason: 'reply_cap', aiReplyCount: 2 });
      expect(aiRepliesTo(waId)).toHaveLength(2);
      // The cap is checked before Gemini is asked: no tokens spent on an answer that cannot be sent.
      expect(generateCalls().length).toBe(callsBefore);
    } finally {
      await put('/ai/settings', { maxRepliesPerConversation: 5 }).expect(200);
    }
  });

  it('retries a Gemini 429 and replies exactly once', async () => {
    app.gemini.injectFault({ kind: 'http', status: 429, times: 1, retryAfterSeconds: 1, operation: 'generate' });
    const { waId, conversation } = await customerSays('Do you ship orders quickly?');
    await eventually(async () => expect(aiRepliesTo(waId)).toEqual([expect.stringContaining('Orders ship within 2 days of payment.')]));
    const calls = callsAbout('Do you ship orders quickly?');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    // Retry-After (1 s) was honoured.
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(900);
    expect((await settled(conversation.id)).aiReplyCount).toBe(1);
  });

  it('hands off on a malformed model answer instead of failing', async () => {
    app.gemini.injectFault({ kind: 'malformed-text', times: 1 });
    const { waId, conversation } = await customerSays('When are you open today?');
    expect(await settled(conversation.id)).toMatchObject({ mode: 'agent', status: 'pending', handoffReason: 'ai_malformed_answer' });
    expect(aiRepliesTo(waId)).toEqual([]);
  });

  it('sends no AI reply when an agent takes over while Gemini is answering', async () => {
    app.gemini.injectFault({ kind: 'delay', ms: 2500, times: 1 });
    const waId = customerWaId();
    const sent = app.meta.customer(phoneNumberId).send({ waId, name: 'Ravi' }, 'When are you open on Monday?');
    await sent;
    // The Gemini call is in flight (the simulator holds its answer for 2.5 s).
    await eventually(async () => expect(callsAbout('When are you open on Monday?').some((r) => r.status === undefined)).toBe(true), 10_000, 20);
    const conversation = await listedConversation(app, tenant, waId);
    const taken = await post(`/conversations/${conversation.id}/takeover`).expect(200);
    expect(taken.body.mode).toBe('agent');
    // Gemini answers (confidently) after the takeover; wait past it and then some.
    await new Promise((r) => setTimeout(r, 3500));
    expect(aiRepliesTo(waId)).toEqual([]);
    const row = (await get(`/conversations/${conversation.id}`).expect(200)).body;
    expect(row).toMatchObject({ mode: 'agent', status: 'open', aiReplyCount: 0, assignedTo: tenant.user.id });
    const messages = (await get(`/conversations/${conversation.id}/messages`).expect(200)).body.data;
    expect(messages.filter((m: { sender: string }) => m.sender === 'ai')).toEqual([]);
  });

  it('answers again after release, and stays silent while an agent holds the conversation', async () => {
    const waId = customerWaId();
    const { conversation } = await customerSays('Can you knit me a purple giraffe?', waId);
    await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body.status).toBe('pending'));
    const callsBefore = generateCalls().length;
    await app.meta.customer(phoneNumberId).send({ waId }, 'When are you open?');
    await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body.unread).toBe(2));
    expect(generateCalls().length).toBe(callsBefore);

    await post(`/conversations/${conversation.id}/release`).expect(200);
    await app.meta.customer(phoneNumberId).send({ waId }, 'When are you open on Saturday?');
    await eventually(async () => expect(aiRepliesTo(waId)).toEqual(['We are open 9am to 6pm, Monday to Saturday.']));
  });

  it('never asks Gemini when the AI is off', async () => {
    await put('/ai/settings', { enabled: false }).expect(200);
    try {
      const before = generateCalls().length;
      const { waId, conversation } = await customerSays('When are you open?');
      await eventually(async () => expect((await get(`/conversations/${conversation.id}/messages`).expect(200)).body.data).toHaveLength(1));
      await new Promise((r) => setTimeout(r, 500));
      expect(generateCalls().length).toBe(before);
      expect(aiRepliesTo(waId)).toEqual([]);
      // Nobody but the team answers while the AI is off, and the conversation says so.
      expect((await get(`/conversations/${conversation.id}`).expect(200)).body).toMatchObject({ mode: 'agent', status: 'open' });
    } finally {
      await put('/ai/settings', { enabled: true }).expect(200);
    }
  });

  it("hands off without asking Gemini once the plan's AI replies for the month are used up", async () => {
    const used = await app.db.system('plans').where({ id: 'growth' }).first('limits');
    const key = `test-usage-${Date.now()}`;
    await app.db.system('usage_events').insert({ tenant_id: tenant.tenant.id, kind: 'ai_reply', quantity: used!.limits.aiRepliesPerMonth, idempotency_key: key });
    const before = generateCalls().length;
    const { waId, conversation } = await customerSays('When are you open on Saturday?');
    expect(await settled(conversation.id)).toMatchObject({ mode: 'agent', status: 'pending', handoffReason: 'plan_ai_limit' });
    expect(generateCalls().length).toBe(before);
    expect(aiRepliesTo(waId)).toEqual([]);
  });
});
