import request from 'supertest';
import { payAndStart, subscribe, waitForStatus } from '../billing/helpers';
import { jsonPlain, signedInPlatformAdmin } from '../codec/helpers';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let tenant: RegisteredTenant;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
});
afterAll(async () => {
  await app?.stop();
});

const trail = (tenantId: string, action: string) => app.db.system('audit_logs').where({ tenant_id: tenantId, action }).orderBy('created_at');

describe('audit rows', () => {
  it('an AI settings change records who changed which fields, from where (no values)', async () => {
    await request(app.url).put('/ai/settings').set(bearer(tenant.accessToken)).send({ enabled: true, persona: 'Priya from the front desk' }).expect(200);
    const rows = await trail(tenant.tenant.id, 'ai_settings.updated');
    expect(rows).toEqual([expect.objectContaining({ actor_user_id: tenant.user.id, metadata: { fields: ['enabled', 'persona'] }, ip: expect.any(String) })]);
    expect(JSON.stringify(rows)).not.toContain('Priya');
    // A refused change records nothing.
    await request(app.url).put('/ai/settings').set(bearer(tenant.accessToken)).send({ confidenceThreshold: 7 }).expect(400);
    expect(await trail(tenant.tenant.id, 'ai_settings.updated')).toHaveLength(1);
  });

  it('billing changes record the plan and the actor: subscribe, change plan, cancel', async () => {
    const checkout = await subscribe(app, tenant, 'growth');
    expect(await trail(tenant.tenant.id, 'billing.subscribed')).toEqual([
      expect.objectContaining({ actor_user_id: tenant.user.id, metadata: { planId: 'growth', subscriptionId: checkout.subscriptionId } }),
    ]);
    await payAndStart(app, checkout);
    await waitForStatus(app, tenant, 'active');
    await request(app.url).post('/billing/change-plan').set(bearer(tenant.accessToken)).send({ planId: 'pro' }).expect(200);
    expect(await trail(tenant.tenant.id, 'billing.plan_changed')).toEqual([expect.objectContaining({ actor_user_id: tenant.user.id, metadata: { planId: 'pro' } })]);
    await request(app.url).post('/billing/cancel').set(bearer(tenant.accessToken)).send({ atCycleEnd: true }).expect(200);
    expect(await trail(tenant.tenant.id, 'billing.cancelled')).toEqual([expect.objectContaining({ actor_user_id: tenant.user.id, metadata: { atCycleEnd: true } })]);
  });

  it('a platform admin decoding payloads leaves a platform audit row, before any plaintext is returned', async () => {
    const admin = await signedInPlatformAdmin(app);
    const rows = () => app.db.system('platform_audit_logs').where({ admin_id: admin.id, action: 'codec.decode' });
    expect(await rows()).toEqual([]);
    await request(app.url)
      .post('/codec/decode')
      .set(bearer(admin.accessToken))
      .set('X-Namespace', 'default')
      .send({ payloads: [jsonPlain(1), jsonPlain(2)] })
      .expect(200);
    expect(await rows()).toEqual([expect.objectContaining({ metadata: { payloads: 2, namespace: 'default' }, ip: expect.any(String) })]);
    // Encoding reveals nothing and is not recorded; a refused caller leaves no row either.
    await request(app.url)
      .post('/codec/encode')
      .set(bearer(admin.accessToken))
      .send({ payloads: [jsonPlain(3)] })
      .expect(200);
    await request(app.url)
      .post('/codec/decode')
      .set(bearer(tenant.accessToken))
      .send({ payloads: [jsonPlain(4)] })
      .expect(401);
    expect(await rows()).toHaveLength(1);
  });
});
