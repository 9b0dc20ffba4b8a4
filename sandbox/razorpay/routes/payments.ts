import type Router from '@koa/router';
import type { SimDeps } from '../deps';
import { collection, paginate, queryString, wire } from '../http';

/**
 * Payments and invoices. Razorpay has no "payments of a subscription" list: the documented way is
 * `GET /v1/invoices?subscription_id=…`, each invoice naming its `payment_id`.
 */
export function registerPaymentRoutes(router: Router, { store }: SimDeps): void {
  router.get('/v1/payments', (ctx) => {
    ctx.body = collection(paginate(store.payments.values(), ctx.query));
  });

  router.get('/v1/payments/:id', (ctx) => {
    ctx.body = wire(store.payment(ctx.params.id));
  });

  router.get('/v1/invoices', (ctx) => {
    const filters = (['subscription_id', 'customer_id', 'payment_id', 'type'] as const).map((name) => [name, queryString(ctx.query, name)] as const);
    const matching = [...store.invoices.values()].filter((invoice) => filters.every(([name, value]) => !value || invoice[name] === value));
    ctx.body = collection(paginate(matching, ctx.query));
  });

  router.get('/v1/invoices/:id', (ctx) => {
    ctx.body = wire(store.invoice(ctx.params.id));
  });
}
