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
  const count = 30;
  for (let i = 0; i < count; i++) await app.meta.customer(phoneNumberId).send(waId, `message ${i}`);
  const contactId = async () =>
    (
      await app.db
        .system('contacts')
        .where({ tenant_id: tenantId, phone_blind_index: phoneBlindIndex(app.config, tenantId, `+${waId}`) })
        .first('id')
    )?.id;
  const stored = await eventually(
    async () => {
      const rows = await app.db.system('messages').where({ contact_id: (await contactId())!, direction: 'inbound' });
      expect(rows).toHaveLength(count);
      return rows;
    },
    90_000,
    250,
  );
  expect(new Set(stored.map((m) => m.content.body)).size).toBe(count);

  await eventually(
    async () => {
      const statuses: string[] = [];
      for await (const run of app.temporal.workflow.list({ query: `AerosticTenantId = '${tenantId}' AND AerosticKind = 'conversation'` })) statuses.push(run.status.name);
      expect(statuses).toContain('CONTINUED_AS_NEW');
    },
    30_000,
    500,
  );
  // Nothing was stored twice across runs either.
  await new Promise((r) => setTimeout(r, 1000));
  expect(await app.db.system('messages').where({ contact_id: (await contactId())!, direction: 'inbound' })).toHaveLength(count);
}, 120_000);
