import request from 'supertest';
import type { TCreateSubscriptionResponse, TSubscriptionResponse } from '../../domain/billing';
import type { TestApp } from '../support/harness';
import { bearer, type RegisteredTenant } from '../support/factories';

export async function subscribe(app: TestApp, tenant: RegisteredTenant, planId = 'growth') {
  const res = await request(app.url).post('/billing/create-subscription').set(bearer(tenant.accessToken)).send({ planId }).expect(201);
  return res.body as TCreateSubscriptionResponse;
}

/**
 * Pays at checkout and, when the subscription keeps a running trial (Razorpay `start_at` = its end),
 * lets that start arrive at once (the simulator's first charge): for tests of a paid, active plan.
 */
export async function payAndStart(app: TestApp, checkout: Pick<TCreateSubscriptionResponse, 'razorpaySubscriptionId' | 'trialKept'>) {
  await app.razorpay.pay(checkout.razorpaySubscriptionId);
  if (checkout.trialKept) await app.razorpay.chargeNextCycle(checkout.razorpaySubscriptionId);
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
