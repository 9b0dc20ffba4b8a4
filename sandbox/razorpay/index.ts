import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import { checkControl, controlAccessOf, CONTROL_TOKEN_HEADER, type ControlAccess } from '../control-access';
import Koa from 'koa';
import { Billing } from './billing';
import type { SimDeps } from './deps';
import { urlNotFound } from './errors';
import { Faults, type Fault } from './faults';
import { basicAuth, errorResponses } from './http';
import { newId } from './ids';
import { Lifecycle } from './lifecycle';
import { registerCheckoutRoutes } from './routes/checkout';
import { registerControlRoutes } from './routes/control';
import { registerCustomerRoutes } from './routes/customers';
import { registerPaymentRoutes } from './routes/payments';
import { registerPlanRoutes } from './routes/plans';
import { registerSubscriptionActionRoutes } from './routes/subscription-actions';
import { registerSubscriptionRoutes } from './routes/subscriptions';
import { Store } from './store';
import { WebhookSender, type WebhookDelivery } from './webhooks';

export { signWebhookBody, type WebhookDelivery } from './webhooks';
export type { Fault } from './faults';

/**
 * `/_sim` needs the control token and no foreign Origin; the checkout page's pay form is accepted only
 * from the page itself (its Origin is the simulator's), so another site cannot approve a payment.
 */
function guardControl(access: ControlAccess, ownOrigin: () => string): Koa.Middleware {
  return async (ctx, next) => {
    const origin = ctx.get('origin') || undefined;
    if (ctx.method === 'POST' && ctx.path.startsWith('/checkout/') && origin !== undefined && origin !== ownOrigin()) {
      ctx.status = 403;
      ctx.type = 'text/plain';
      ctx.body = 'Payments are approved only from the checkout page.';
      return;
    }
    if (!ctx.path.startsWith('/_sim')) return next();
    const verdict = checkControl(access, { method: ctx.method, origin, token: ctx.get(CONTROL_TOKEN_HEADER) || undefined });
    ctx.set(verdict.headers);
    if (!verdict.allowed) {
      ctx.status = verdict.status;
      ctx.body = { error: { code: 'FORBIDDEN', description: verdict.message } };
      return;
    }
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    await next();
  };
}

export interface RazorpaySimulatorOptions {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  webhookUrl?: string;
  /** 0 or unset: a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Base URL browsers use to reach the simulator, for `short_url`; defaults to `url`. */
  publicUrl?: string;
  /** Extra delivery attempts after a non-2xx webhook answer; 0 by default (Razorpay itself retries for 24 h). */
  webhookRetries?: number;
  webhookRetryDelayMs?: number;
  /** Razorpay gives a receiver about 5 s. */
  webhookTimeoutMs?: number;
  /** Who may call /_sim; default: a random token (`controlToken`) and no browser origin. */
  control?: ControlAccess;
  /** Auto-charge retries before `halted`; Razorpay's card model retries 3 times (T+1, T+2, T+3). */
  renewalRetries?: number;
}

export interface RazorpaySimulator {
  /** `http://127.0.0.1:PORT`, without `/v1`: the value for RAZORPAY_BASE_URL and the SDK's axios `baseURL`. */
  url: string;
  /** What `/_sim` requests carry in the x-sandbox-control-token header. */
  controlToken: string;
  setWebhookUrl(url: string): void;
  checkoutUrl(subscriptionId: string): string;
  /** created → authenticated → active: subscription.authenticated, .activated, .charged, payment.captured. Also clears pending/halted. */
  pay(subscriptionId: string): Promise<void>;
  /** payment.failed; on an active or pending subscription also subscription.pending (or .halted when retries are exhausted). */
  failPayment(subscriptionId: string): Promise<void>;
  /** subscription.charged + payment.captured (then .completed after the last cycle); cancels instead when cancel_at_cycle_end was asked. */
  chargeNextCycle(subscriptionId: string): Promise<void>;
  /** (payment.failed, subscription.pending) × renewalRetries, then payment.failed, subscription.halted. */
  failRenewalUntilHalted(subscriptionId: string): Promise<void>;
  /** One event built from the current state, with the status it implies; the state does not change. */
  sendEvent(subscriptionId: string, event: string, opts?: { eventId?: string }): Promise<{ status: number; eventId: string }>;
  /** Sends an earlier event again, byte for byte, as Razorpay's retries do. */
  redeliver(eventId: string): Promise<{ status: number }>;
  /** Every delivery attempt, in order. */
  deliveries(): WebhookDelivery[];
  /** Resolves when webhooks queued by API calls (cancel, pause, resume, update) have been delivered. */
  idle(): Promise<void>;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

export async function startRazorpaySimulator(opts: RazorpaySimulatorOptions): Promise<RazorpaySimulator> {
  let baseUrl = '';
  const access = controlAccessOf(opts.control);
  const checkoutUrl = (id: string) => `${(opts.publicUrl ?? baseUrl).replace(/\/+$/, '')}/checkout/${id}`;
  const store = new Store();
  const billing = new Billing(store, checkoutUrl);
  const webhooks = new WebhookSender({
    secret: opts.webhookSecret,
    accountId: newId('acc'),
    url: opts.webhookUrl,
    retries: opts.webhookRetries ?? 0,
    retryDelayMs: opts.webhookRetryDelayMs ?? 100,
    timeoutMs: opts.webhookTimeoutMs ?? 5000,
  });
  const lifecycle = new Lifecycle(store, billing, webhooks, opts.renewalRetries ?? 3);
  const deps: SimDeps = { store, billing, lifecycle, webhooks, keySecret: opts.keySecret, checkoutUrl };
  const faults = new Faults();

  const router = new Router();
  registerPlanRoutes(router, deps);
  registerCustomerRoutes(router, deps);
  registerSubscriptionRoutes(router, deps);
  registerSubscriptionActionRoutes(router, deps);
  registerPaymentRoutes(router, deps);
  registerCheckoutRoutes(router, deps);
  registerControlRoutes(router, deps, faults);

  const app = new Koa();
  const auth = basicAuth(opts.keyId, opts.keySecret);
  const injectFaults = faults.middleware();
  app.use(errorResponses());
  app.use((ctx, next) => (ctx.path.startsWith('/v1/') ? auth(ctx, () => injectFaults(ctx, next)) : next()));
  app.use(guardControl(access, () => new URL(opts.publicUrl ?? baseUrl).origin));
  app.use(router.routes());
  app.use((ctx) => {
    if (ctx.path.startsWith('/v1/')) throw urlNotFound();
    ctx.status = 404;
    ctx.body = { error: { code: 'NOT_FOUND', description: `No simulator route ${ctx.method} ${ctx.path}` } };
  });

  const server = createServer(app.callback());
  // Clients reuse idle connections until the server's Keep-Alive hint; a short one races a busy client into ECONNRESET.
  server.keepAliveTimeout = 65_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${reachableHost}:${port}`;

  return {
    url: baseUrl,
    controlToken: access.token,
    setWebhookUrl: (url) => webhooks.setUrl(url),
    checkoutUrl,
    pay: async (id) => {
      await lifecycle.pay(id);
    },
    failPayment: (id) => lifecycle.failPayment(id),
    chargeNextCycle: (id) => lifecycle.chargeNextCycle(id),
    failRenewalUntilHalted: (id) => lifecycle.failRenewalUntilHalted(id),
    sendEvent: (id, event, options) => lifecycle.sendEvent(id, event, options?.eventId),
    redeliver: async (eventId) => {
      const sent = webhooks.findSent(eventId);
      if (!sent) throw new Error(`no event ${eventId} was sent`);
      return { status: await webhooks.send(sent) };
    },
    deliveries: () => webhooks.deliveries(),
    idle: () => webhooks.idle(),
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    stop: async () => {
      webhooks.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await webhooks.idle();
    },
  };
}
