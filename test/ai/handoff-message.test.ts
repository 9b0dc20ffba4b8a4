import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { listedConversation } from '../inbox/inbox-world';

let app: TestApp;
let tenant: RegisteredTenant;
let phoneNumberId: string;

const HANDOFF = 'Thanks! A teammate will reply shortly.';
const OFFLINE = 'Our team is offline now and will reply tomorrow morning.';

beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
  phoneNumberId = (await connectTestNumber(app, tenant.tenant.id)).phoneNumberId;
  await put('/ai/settings', { enabled: true, handoffMessage: HANDOFF, outOfHoursMessage: OFFLINE }).expect(200);
});
afterEach(() => app.meta.idle());
afterAll(async () => {
  await app?.stop();
});

const get = (path: string) => request(app.url).get(path).set(bearer(tenant.accessToken));
const put = (path: string, body: object) => request(app.url).put(path).set(bearer(tenant.accessToken)).send(body);
const textsTo = (waId: string) => app.meta.sent({ phoneNumberId, to: waId }).map((m) => (m.body as { text?: { body?: string } }).text?.body);

/** A customer asks for a refund: the guardrails hand the conversation to people (blocked intent). */
async function customerIsHandedOff() {
  app.gemini.nextAnswers([{ handoff: false, confidence: 0.99 }]);
  const waId = customerWaId();
  await app.meta.customer(phoneNumberId).send({ waId, name: 'Neha' }, 'I want a refund for my order');
  const conversation = await listedConversation(app, tenant, waId);
  await eventually(async () => expect((await get(`/conversations/${conversation.id}`).expect(200)).body).toMatchObject({ mode: 'agent', status: 'pending' }));
  return { waId, conversation };
}

describe('the message a customer hears after a hand-off', () => {
  it('is the hand-off message, sent once by the system inside the window, without counting as an AI reply', async () => {
    const { waId, conversation } = await customerIsHandedOff();
    await eventually(async () => expect(textsTo(waId)).toEqual([HANDOFF]));
    const messages = (await get(`/conversations/${conversation.id}/messages`).expect(200)).body.data;
    expect(
      messages
        .filter((m: { direction: string }) => m.direction === 'outbound')
        .map((m: { sender: string; content: { text: { body: string } } }) => [m.sender, m.content.text.body]),
    ).toEqual([['system', HANDOFF]]);
    expect((await get(`/conversations/${conversation.id}`).expect(200)).body.aiReplyCount).toBe(0);
  });

  it('is the out-of-hours message while the business hours say the team is offline', async () => {
    // Hours with no open day: the team is always offline (the AI itself answers at all hours).
    await put('/ai/settings', { businessHours: { timezone: 'Asia/Kolkata', days: {} } }).expect(200);
    try {
      const { waId } = await customerIsHandedOff();
      await eventually(async () => expect(textsTo(waId)).toEqual([OFFLINE]));
    } finally {
      await put('/ai/settings', { businessHours: null }).expect(200);
    }
  });

  it('is nothing when the workspace turned it off', async () => {
    await put('/ai/settings', { handoffMessage: null }).expect(200);
    try {
      const { waId, conversation } = await customerIsHandedOff();
      await new Promise((r) => setTimeout(r, 500));
      expect(textsTo(waId)).toEqual([]);
      expect((await get(`/conversations/${conversation.id}/messages`).expect(200)).body.data).toHaveLength(1);
    } finally {
      await put('/ai/settings', { handoffMessage: HANDOFF }).expect(200);
    }
  });

  it.each([
    ['an empty hand-off message', { handoffMessage: '   ' }, 'handoffMessage'],
    ['a too-long out-of-hours message', { outOfHoursMessage: 'x'.repeat(501) }, 'outOfHoursMessage'],
  ])('refuses %s with 422 and keeps what was saved', async (_name, body, path) => {
    const before = (await get('/ai/settings').expect(200)).body;
    const res = await put('/ai/settings', body).expect(422);
    expect(res.body.error).toMatchObject({ code: 'unprocessable', message: expect.any(String) });
    expect(res.body.error.details).toContainEqual({ path, message: expect.any(String) });
    expect((await get('/ai/settings').expect(200)).body).toEqual(before);
  });
});
