import request from 'supertest';
import { recordUsage } from '../../db/billing/usage';
import { withTenant } from '../../db/tenant-transaction';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant } from '../support/factories';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

it('the monthly message limit refuses a send with 402 limit_reached, and nothing is queued or sent', async () => {
  const tenant = await registerTenant(app.url);
  const { phoneNumberId } = await connectTestNumber(app, tenant.tenant.id);
  // A trial has the Growth plan's 25,000 messages a month: use them all.
  await withTenant(app.db.app, tenant.tenant.id, (trx) => recordUsage(trx, { tenantId: tenant.tenant.id, kind: 'message_outbound', idempotencyKey: 'bulk', quantity: 25_000 }));
  const sentBefore = app.meta.sent({ phoneNumberId }).length;

  const res = await request(app.url)
    .post('/messages/send')
    .set(bearer(tenant.accessToken))
    .send({ to: `+${customerWaId()}`, type: 'template', template: { name: 'hello_world', language: 'en_US' } })
    .expect(402);
  expect(res.body.error).toMatchObject({ code: 'limit_reached', details: [{ path: 'messagesPerMonth', message: expect.stringContaining('limit 25000') }] });

  expect(await app.db.system('messages').where({ tenant_id: tenant.tenant.id })).toEqual([]);
  expect(await app.db.system('message_sends').where({ tenant_id: tenant.tenant.id })).toEqual([]);
  await new Promise((r) => setTimeout(r, 300));
  expect(app.meta.sent({ phoneNumberId })).toHaveLength(sentBefore);
});
