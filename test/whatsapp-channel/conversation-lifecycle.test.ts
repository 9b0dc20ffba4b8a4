import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

// A quiet period of 2 s, so the actor ends itself inside the test.
let app: TestApp;
let tenant: RegisteredTenant;
let phoneNumberId: string;
beforeAll(async () => {
  app = await startTestApp({ env: { CONVERSATION_QUIET_MINUTES: String(2 / 60) } });
  tenant = await registerTenant(app.url);
  phoneNumberId = (await connectTestNumber(app, tenant.tenant.id)).phoneNumberId;
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

async function conversationRuns(): Promise<{ workflowId: string; status: string }[]> {
  const runs: { workflowId: string; status: string }[] = [];
  for await (const wf of app.temporal.workflow.list({ query: `AerosticTenantId = '${tenant.tenant.id}' AND AerosticKind = 'conversation'` })) {
    runs.push({ workflowId: wf.workflowId, status: wf.status.name });
  }
  return runs;
}

it('ends after a quiet period, restarts on the next message with its state from Postgres, and never shows the phone number', async () => {
  const waId = customerWaId();
  await app.meta.customer(phoneNumberId).send(waId, 'STOP');
  const [first] = await eventually(
    async () => {
      const runs = await conversationRuns();
      expect(runs).toEqual([expect.objectContaining({ status: 'COMPLETED' })]);
      return runs;
    },
    30_000,
    250,
  );

  // The opt-out outlives the actor: a restarted actor refuses marketing to this contact.
  const refused = await request(app.url)
    .post('/messages/send')
    .set(bearer(tenant.accessToken))
    .send({ to: `+${waId}`, type: 'template', template: { name: 'hello_world', language: 'en_US' } })
    .expect(422);
  expect(refused.body.error.code).toBe('contact_opted_out');

  await app.meta.customer(phoneNumberId).send(waId, 'START');
  await eventually(async () => {
    const contact = await app.db
      .system('contacts')
      .where({ tenant_id: tenant.tenant.id, phone_last4: waId.slice(-4) })
      .first();
    expect(contact!.opted_out).toBe(false);
  }, 30_000);

  const runs = await conversationRuns();
  expect(new Set(runs.map((r) => r.workflowId))).toEqual(new Set([first.workflowId]));
  for (const digits of [waId, waId.slice(2), waId.slice(-8)]) expect(first.workflowId).not.toContain(digits);
  const description = await app.temporal.workflow.getHandle(first.workflowId).describe();
  expect(JSON.stringify(description.searchAttributes)).not.toContain(waId.slice(-8));
}, 90_000);
