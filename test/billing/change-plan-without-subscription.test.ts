import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('subscription commands without a subscription', () => {
  it('answers 409 no_subscription to change-plan and cancel, first and every time, and changes nothing', async () => {
    const tenant = await registerTenant(app.url);
    for (let attempt = 0; attempt < 3; attempt++) {
      const change = await request(app.url).post('/billing/change-plan').set(bearer(tenant.accessToken)).send({ planId: 'pro' });
      expect([change.status, change.body.error?.code]).toEqual([409, 'no_subscription']);
      const cancel = await request(app.url).post('/billing/cancel').set(bearer(tenant.accessToken)).send({});
      expect([cancel.status, cancel.body.error?.code]).toEqual([409, 'no_subscription']);
    }
    const subscription = await request(app.url).get('/billing/subscription').set(bearer(tenant.accessToken)).expect(200);
    expect(subscription.body.status).toBeNull();
  });

  it('answers 409, not 502, to change-plan before the checkout is paid (Razorpay would refuse it), and the plan stays', async () => {
    const tenant = await registerTenant(app.url);
    await request(app.url).post('/billing/create-subscription').set(bearer(tenant.accessToken)).send({ planId: 'starter' }).expect(201);
    const change = await request(app.url).post('/billing/change-plan').set(bearer(tenant.accessToken)).send({ planId: 'pro' });
    expect([change.status, change.body.error?.code]).toEqual([409, 'no_subscription']);
    const subscription = await request(app.url).get('/billing/subscription').set(bearer(tenant.accessToken)).expect(200);
    expect(subscription.body.plan.id).toBe('starter');
  });
});
