import { createHmac } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import { PAYABLE_STATUSES, renderCheckoutPage, renderResultPage } from '../checkout-page';
import type { SimDeps } from '../deps';
import { AUTHENTICATION_AMOUNT } from '../billing';
import type { SubscriptionRecord } from '../entities';
import { expireIfStartPassed, startsLater } from '../lifecycle';
import { RazorpayApiError } from '../errors';
import { readBody } from '../http';

class PageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `redirect` must be an absolute http(s) URL: anything else (`javascript:` …) would turn the page into an attack vector. */
function redirectOf(raw: unknown): string | null {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text === null || text === '') return null;
  let url: URL | undefined;
  try {
    url = new URL(String(text));
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new PageError(400, 'The redirect must be an absolute http(s) URL.');
  return url.toString();
}

export function registerCheckoutRoutes(router: Router, deps: SimDeps): void {
  const { store, lifecycle, billing } = deps;
  const recordOf = (id: string): SubscriptionRecord => {
    const record = store.subscriptions.get(id);
    if (!record) throw new PageError(404, `There is no subscription ${id}.`);
    return record;
  };

  router.get('/checkout/:id', (ctx) =>
    page(ctx, () => {
      const redirect = redirectOf(ctx.query.redirect);
      const record = recordOf(ctx.params.id);
      expireIfStartPassed(record);
      const later = record.entity.status === 'created' && startsLater(record.entity);
      const due = !PAYABLE_STATUSES.has(record.entity.status) ? 0 : later ? AUTHENTICATION_AMOUNT : billing.amountDue(record);
      return renderCheckoutPage(record.entity, store.plan(record.entity.plan_id), due, redirect, later ? record.entity.start_at : null);
    }),
  );

  router.post('/checkout/:id/pay', (ctx) =>
    page(ctx, async () => {
      const body = await readBody(ctx);
      const redirect = redirectOf(body.redirect ?? ctx.query.redirect);
      const subscriptionId = recordOf(ctx.params.id).entity.id;
      const payment = await lifecycle.pay(subscriptionId);
      if (!redirect) return renderResultPage('Payment successful', `Payment ${payment.id} captured.`, []);
      // What Razorpay Checkout hands back; the SDK's validatePaymentVerification checks this signature.
      const signature = createHmac('sha256', deps.keySecret).update(`${payment.id}|${subscriptionId}`).digest('hex');
      const target = new URL(redirect);
      target.searchParams.set('razorpay_payment_id', payment.id);
      target.searchParams.set('razorpay_subscription_id', subscriptionId);
      target.searchParams.set('razorpay_signature', signature);
      ctx.status = 303;
      ctx.redirect(target.toString());
      return undefined;
    }),
  );

  router.post('/checkout/:id/fail', (ctx) =>
    page(ctx, async () => {
      const body = await readBody(ctx);
      const redirect = redirectOf(body.redirect ?? ctx.query.redirect);
      const subscriptionId = recordOf(ctx.params.id).entity.id;
      await lifecycle.failPayment(subscriptionId);
      const links = [{ href: `/checkout/${subscriptionId}${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`, label: 'Try again', testId: 'retry' }];
      if (redirect) links.push({ href: redirect, label: 'Back to merchant', testId: 'back' });
      return renderResultPage('Payment failed', 'The bank declined the payment (sandbox).', links);
    }),
  );
}

/** Answers with HTML, errors included: a browser is on the other end. */
async function page(ctx: Context, render: () => string | undefined | Promise<string | undefined>): Promise<void> {
  try {
    const html = await render();
    if (html === undefined) return;
    ctx.type = 'html';
    ctx.body = html;
  } catch (err) {
    if (!(err instanceof PageError) && !(err instanceof RazorpayApiError)) throw err;
    ctx.status = err.status;
    ctx.type = 'html';
    ctx.body = renderResultPage('Checkout unavailable', err.message, []);
  }
}
