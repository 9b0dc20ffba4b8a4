/**
 * GET /onboarding/checklist ticks each "Get started" step from what the workspace really did, through
 * the real paths (connect, invite, a reply through the dispatcher, the AI setting, a paid
 * subscription); GET /workspace gives the id and, to admins only, the Temporal UI link.
 */
import request from 'supertest';
import type { TOnboardingChecklist, TOnboardingStep } from '../../domain/onboarding';
import { subscribe, waitForStatus } from '../billing/helpers';
import { listedConversation } from '../inbox/inbox-world';
import { eventually } from '../support/eventually';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 240_000);
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
}, 60_000);

const get = (path: string, who: RegisteredTenant | string) =>
  request(app.url)
    .get(path)
    .set(bearer(typeof who === 'string' ? who : who.accessToken));

async function done(who: RegisteredTenant): Promise<TOnboardingStep[]> {
  const body = (await get('/onboarding/checklist', who).expect(200)).body as TOnboardingChecklist;
  expect(body.total).toBe(5);
  expect(body.completed).toBe(body.steps.filter((s) => s.done).length);
  return body.steps.filter((s) => s.done).map((s) => s.id);
}

test('each step ticks when the workspace really does it, and only for that workspace', async () => {
  const [tenant, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
  expect(await done(tenant)).toEqual([]);

  const { phoneNumberId } = await connectTestNumber(app, tenant.tenant.id);
  expect(await done(tenant)).toEqual(['whatsapp_connected']);

  await request(app.url)
    .post('/users/invite')
    .set(bearer(tenant.accessToken))
    .send({ email: `agent.${Date.now()}@example.com`, name: 'Asha Agent' })
    .expect(201);
  expect(await done(tenant)).toEqual(['whatsapp_connected', 'teammate_invited']);

  // A customer writes and an agent answers through the dispatcher: the step ticks once the reply is stored.
  const waId = customerWaId();
  await app.meta.customer(phoneNumberId).send({ waId, name: 'Meera' }, 'hello');
  const conversation = await listedConversation(app, tenant, waId);
  expect(await done(tenant)).not.toContain('first_reply_sent');
  await request(app.url)
    .post('/messages/send')
    .set(bearer(tenant.accessToken))
    .send({ to: conversation.contact.phone, type: 'text', text: { body: 'Happy to help' } })
    .expect(202);
  await eventually(async () => expect(await done(tenant)).toContain('first_reply_sent'));

  await request(app.url).put('/ai/settings').set(bearer(tenant.accessToken)).send({ enabled: true }).expect(200);
  expect(await done(tenant)).toEqual(['whatsapp_connected', 'teammate_invited', 'ai_enabled', 'first_reply_sent']);

  // A checkout opened but not paid is not a plan chosen.
  const checkout = await subscribe(app, tenant, 'starter');
  expect(await done(tenant)).not.toContain('plan_chosen');
  // Paid during the trial: the card is authorised and billing starts at the trial's end.
  await app.razorpay.pay(checkout.razorpaySubscriptionId);
  await waitForStatus(app, tenant, 'authenticated');
  const all = (await get('/onboarding/checklist', tenant).expect(200)).body as TOnboardingChecklist;
  expect(all).toEqual({ steps: expect.any(Array), completed: 5, total: 5 });

  // Nothing of it shows in another workspace (RLS).
  expect(await done(other)).toEqual([]);
});

test('GET /workspace gives the id; the Temporal UI link is for admins, filtered to this workspace', async () => {
  const tenant = await registerTenant(app.url);
  const admin = (await get('/workspace', tenant).expect(200)).body;
  expect(admin).toMatchObject({ id: tenant.tenant.id, name: tenant.tenant.name, slug: tenant.tenant.slug });
  const link = new URL(admin.temporalUiUrl);
  expect(link.origin).toBe(new URL(app.config.temporal.uiUrl).origin);
  expect(link.pathname).toBe(`/namespaces/${app.config.temporal.namespace}/workflows`);
  expect(link.searchParams.get('query')).toBe(`AerosticTenantId="${tenant.tenant.id}"`);

  const invite = await request(app.url)
    .post('/users/invite')
    .set(bearer(tenant.accessToken))
    .send({ email: `agent.${Date.now()}@example.com`, name: 'Asha Agent' })
    .expect(201);
  const agent = await request(app.url).post('/auth/accept-invite').send({ token: invite.body.inviteToken, password: 'a-long-agent-password-1' }).expect(200);
  const seen = (await get('/workspace', agent.body.accessToken).expect(200)).body;
  expect(seen).toEqual({ id: tenant.tenant.id, name: tenant.tenant.name, slug: tenant.tenant.slug, temporalUiUrl: null });

  await request(app.url).get('/workspace').expect(401);
});
