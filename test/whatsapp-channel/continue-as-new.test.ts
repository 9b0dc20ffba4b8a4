import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { phoneBlindIndex } from '../../db/contacts/phone-identity';

// npm test's Temporal server suggests continue-as-new after ~100 history events (scripts/run-tests.ts).
let app: TestApp;
let tenantId: string;
let phoneNumberId: string;
beforeAll(async () => {
  app = await startTestApp();
  tenantId = (await registerTenant(app.url)).tenant.id;
  phoneNumberId = (await connectTestNumber(app, tenantId)).phoneNumberId;
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

it('a long conversation continues as new without losing or repeating a message', async () => {
  const waId = customerWaId();
  const contactId = async () =>
    (
      await app.db
        .system('contacts')
        .where({ tenant_id: tenantId, phone_blind_index: phoneBlindIndex(app.config, tenantId, `+${waId}`) })
        .first('id')
    )?.id;
  const inbound = async () => app.db.system('messages').where({ contact_id: (await contactId())!, direction: 'inbound' });
  const statuses = async () => {
    const found: string[] = [];
    for await (const run of app.temporal.workflow.list({ query: `AerosticTenantId = '${tenantId}' AND AerosticKind = 'conversation'` })) found.push(run.status.name);
    return found;
  };
  // How many events a message costs depends on how the server batches signals into workflow tasks, so
  // send in batches until the workflow has continued as new (at most 150 messages), then a few more.
  let sent = 0;
  const sendBatch = async (n: number) => {
    for (let i = 0; i < n; i++) await app.meta.customer(phoneNumberId).send(waId, `message ${sent++}`);
    await eventually(async () => expect(await inbound()).toHaveLength(sent), 90_000, 250);
  };
  while (!(await statuses()).includes('CONTINUED_AS_NEW') && sent < 150) {
    await sendBatch(15);
    await eventually(async () => expect(await statuses()).toContain('CONTINUED_AS_NEW'), 3_000, 500).catch(() => undefined);
  }
  expect(await statuses()).toContain('CONTINUED_AS_NEW');
  await sendBatch(5);

  const stored = await inbound();
  expect(stored).toHaveLength(sent);
  expect(new Set(stored.map((m) => m.content.body)).size).toBe(sent);
  // Nothing was stored twice across runs either.
  await new Promise((r) => setTimeout(r, 1000));
  expect(await inbound()).toHaveLength(sent);
}, 240_000);
