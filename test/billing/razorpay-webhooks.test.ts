import request from 'supertest';
import { signWebhookBody } from '../../sandbox/razorpay';
import { workflowIds } from '../../domain/contracts';
import { subscriptionStateQuery, type subscriptionWorkflow } from '../../workflows/subscription';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { payAndStart, payments, subscribe, subscriptionOf } from './helpers';
import type { TCreateSubscriptionResponse } from '../../domain/billing';

let app: TestApp;
let tenant: RegisteredTenant;
let checkout: TCreateSubscriptionResponse;
let razorpaySubscriptionId: string;
beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
  checkout = await subscribe(app, tenant);
  razorpaySubscriptionId = checkout.razorpaySubscriptionId;
});
afterAll(async () => {
  await app?.stop();
});

const eventsStored = async () => Number((await app.db.system('razorpay_events').count({ n: '*' }))[0].n);
const deliveredBody = (event: string) => {
  const delivery = [...app.razorpay.deliveries()].reverse().find((d) => d.event === event);
  if (!delivery) throw new Error(`no ${event} delivered`);
  return delivery;
};

describe('POST /webhooks/razorpay', () => {
  it('401 and nothing changed for a tampered body, a wrong secret or no signature', async () => {
    const before = await eventsStored();
    const body = JSON.stringify({
      entity: 'event',
      event: 'subscription.activated',
      created_at: Math.floor(Date.now() / 1000),
      payload: { subscription: { entity: { id: razorpaySubscriptionId, status: 'active', plan_id: 'plan_x', notes: { tenant_id: tenant.tenant.id } } } },
    });
    const goodSignature = signWebhookBody(body, app.config.razorpay.webhookSecret);
    const post = (raw: string, signature?: string) => {
      const req = request(app.url).post('/webhooks/razorpay').set('Content-Type', 'application/json').set('x-razorpay-event-id', `evt_${Date.now()}`);
      return (signature ? req.set('X-Razorpay-Signature', signature) : req).send(raw);
    };
    const tampered = await post(body.replace('"active"', '"cancelled"'), goodSignature).expect(401);
    expect(tampered.body.error.code).toBe('invalid_signature');
    await post(body, signWebhookBody(body, 'not-the-secret')).expect(401);
    await post(body).expect(401);
    await post('{not json', signWebhookBody('{not json', app.config.razorpay.webhookSecret)).expect(400);
    expect(await eventsStored()).toBe(before);
    expect((await subscriptionOf(app, tenant)).status).toBe('created');
  });

  it('the same event delivered twice records one payment', async () => {
    await payAndStart(app, checkout);
    const invoiceCount = async () => Number((await app.db.system('invoices').where({ tenant_id: tenant.tenant.id }).count({ n: '*' }))[0].n);
    await eventually(async () => expect(await invoiceCount()).toBe(1));
    const charged = deliveredBody('subscription.charged');
    const again = await app.razorpay.redeliver(charged.eventId);
    expect(again.status).toBe(200);
    const captured = deliveredBody('payment.captured');
    await app.razorpay.redeliver(captured.eventId);
    // Both redeliveries are acknowledged and dropped before they reach the workflow.
    expect(
      app.razorpay
        .deliveries()
        .slice(-2)
        .map((d) => d.status),
    ).toEqual([200, 200]);
    await app.razorpay.idle();
    expect((await payments(app, tenant)).filter((p) => p.status === 'captured')).toHaveLength(1);
    expect(await invoiceCount()).toBe(1);
  });

  it('charged before activated, then a stale authenticated: each reaches the workflow and the status never moves back', async () => {
    const other = await registerTenant(app.url);
    const otherCheckout = await subscribe(app, other);
    const id = otherCheckout.razorpaySubscriptionId;
    // Razorpay's deliveries fail while the app is unreachable, then arrive late and in reverse order,
    // each under its own (never accepted, so fresh) event id.
    app.razorpay.setWebhookUrl('http://127.0.0.1:9/webhooks/razorpay');
    await payAndStart(app, otherCheckout);
    await app.razorpay.idle();
    app.razorpay.setWebhookUrl(`${app.url}/webhooks/razorpay`);
    const missed = (event: string) => app.razorpay.deliveries().find((d) => d.event === event && d.body.includes(id) && d.status === 0)!;
    const reversed = ['subscription.charged', 'subscription.activated', 'subscription.authenticated'].map((event) => missed(event).eventId);
    for (const eventId of reversed) expect(await app.razorpay.redeliver(eventId)).toEqual({ status: 200 });

    const actor = app.temporal.workflow.getHandle<typeof subscriptionWorkflow>(workflowIds.subscription(other.tenant.id));
    await eventually(async () => expect((await actor.query(subscriptionStateQuery)).seenEventIds).toEqual(expect.arrayContaining(reversed)));
    expect((await actor.query(subscriptionStateQuery)).status).toBe('active');
    expect((await subscriptionOf(app, other)).status).toBe('active');
    expect((await payments(app, other)).filter((p) => p.status === 'captured')).toHaveLength(1);
  });

  it('an event for a subscription nobody knows is acknowledged, not retried forever', async () => {
    const body = JSON.stringify({
      entity: 'event',
      event: 'subscription.activated',
      created_at: 1,
      payload: { subscription: { entity: { id: 'sub_unknown0000000', status: 'active', plan_id: 'plan_x' } } },
    });
    const res = await request(app.url)
      .post('/webhooks/razorpay')
      .set('Content-Type', 'application/json')
      .set('x-razorpay-event-id', `evt_unknown_${Date.now()}`)
      .set('X-Razorpay-Signature', signWebhookBody(body, app.config.razorpay.webhookSecret))
      .send(body)
      .expect(200);
    expect(res.body.status).toBe('unrouted');
  });
});
