import request from 'supertest';
import type { TSubscriptionResponse } from '../../domain/billing';
import type { TestApp } from '../support/harness';
import { bearer, type RegisteredTenant } from '../support/factories';

export async function subscribe(app: TestApp, tenant: RegisteredTenant, planId = 'growth') {
  const res = await request(app.url).post('/billing/create-subscription').set(bearer(tenant.accessToken)).send({ planId }).expect(201);
  return res.body as { subscriptionId: string; razorpaySubscriptionId: string; shortUrl: string; keyId: string };
}

export async function subscriptionOf(app: TestApp, tenant: RegisteredTenant): Promise<TSubscriptionResponse> {
  return (await request(app.url).get('/billing/subscription').set(bearer(tenant.accessToken)).expect(200)).body;
}

/** Polls until the subscription reaches `status` (the workflow applies webhooks asynchronously). */
export async function waitForStatus(app: TestApp, tenant: RegisteredTenant, status: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let last: TSubscriptionResponse | undefined;
  while (Date.now() < deadline) {
    last = await subscriptionOf(app, tenant);
    if (last.status === status) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`subscription stayed ${last?.status}, expected ${status}`);
}

export async function payments(app: TestApp, tenant: RegisteredTenant) {
  return (await request(app.url).get('/billing/payments').set(bearer(tenant.accessToken)).expect(200)).body.data as Array<{
    status: string;
    amount: number;
    razorpayPaymentId: string;
  }>;
}
