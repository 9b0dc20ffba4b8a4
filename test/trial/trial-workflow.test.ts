import request from 'supertest';
import { workflowIds } from '../../domain/contracts';
import type { trialWorkflow } from '../../workflows/trial';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant } from '../support/factories';

// A trial of seconds: reminders 4 s and 2 s before an end 6 s after sign-up (production: 2 and 1 days of 7).
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ trial: { durationMs: 6_000, reminderOffsetsMs: [4_000, 2_000] } });
});
afterAll(async () => {
  await app?.stop();
});

const trialHandle = (tenantId: string) => app.temporal.workflow.getHandle<typeof trialWorkflow>(workflowIds.trial(tenantId));

describe('trialWorkflow', () => {
  it('reminds the admin twice, expires the trial at its end, and the tenant then gets 402 except on auth', async () => {
    const tenant = await registerTenant(app.url);
    await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(200);

    const result = await trialHandle(tenant.tenant.id).result();
    expect(result.phase).toBe('expired');
    expect(result.remindersSent).toHaveLength(2);

    const row = (await app.db.system('tenants').where({ id: tenant.tenant.id }).first())!;
    expect(row.trial_active).toBe(false);
    expect(row.trial_expired_at).toBeInstanceOf(Date);

    const outbox = await request(app.url).get('/sandbox/outbox').query({ to: tenant.registration.phone }).expect(200);
    const reminders = outbox.body.data.filter((m: { kind: string }) => m.kind === 'trial_reminder');
    expect(reminders).toHaveLength(2);
    expect(reminders[0].body).toMatch(/trial ends in 1 day/);

    const blocked = await request(app.url).get('/users').set(bearer(tenant.accessToken)).expect(402);
    expect(blocked.body).toEqual({ error: { code: 'subscription_required', message: expect.stringContaining('Billing') } });

    // Auth stays open so the user can sign in and reach billing.
    const me = await request(app.url).get('/me').set(bearer(tenant.accessToken)).expect(200);
    expect(me.body.tenant.access).toMatchObject({ trialActive: false, trialDaysLeft: 0, blocked: true });
    await request(app.url).post('/auth/refresh').set('Cookie', tenant.refreshCookie).expect(200);
    await request(app.url).post('/auth/login').send({ email: tenant.registration.email, password: tenant.registration.password }).expect(200);
  });

  it('stops on the converted signal: no expiry, the conversion recorded', async () => {
    const tenant = await registerTenant(app.url);
    await trialHandle(tenant.tenant.id).signal('converted');
    const result = await trialHandle(tenant.tenant.id).result();
    expect(result.phase).toBe('converted');
    const row = (await app.db.system('tenants').where({ id: tenant.tenant.id }).first())!;
    expect(row.trial_converted_at).toBeInstanceOf(Date);
    expect(row.trial_expired_at).toBeNull();
  });

  it('lets an admin find every workflow of a tenant by search attribute', async () => {
    const tenant = await registerTenant(app.url);
    let found: string[] = [];
    for (let i = 0; i < 50 && found.length === 0; i++) {
      found = [];
      for await (const wf of app.temporal.workflow.list({ query: `AerosticTenantId = '${tenant.tenant.id}'` })) found.push(wf.workflowId);
      if (!found.length) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toEqual([workflowIds.trial(tenant.tenant.id)]);
    await trialHandle(tenant.tenant.id).signal('converted');
  });

  it('a second start for the same tenant is refused: one trial per tenant', async () => {
    const tenant = await registerTenant(app.url);
    const { trialActor } = await import('../../actors/trial');
    await expect(
      trialActor({ temporal: app.temporal, config: app.config }).start({ tenantId: tenant.tenant.id, trialEndsAt: new Date().toISOString(), reminderOffsetsMs: [] }),
    ).rejects.toThrow(/already started/i);
    await trialHandle(tenant.tenant.id).signal('converted');
  });
});
