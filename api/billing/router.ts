import { z } from 'zod';
import {
  ZCancelSubscriptionSchema,
  ZChangePlanSchema,
  ZCreateSubscriptionResponseSchema,
  ZCreateSubscriptionSchema,
  ZInvoiceSchema,
  ZPaymentSchema,
  ZPlansResponseSchema,
  ZSubscriptionResponseSchema,
  ZUsageResponseSchema,
} from '../../domain/billing';
import { listInvoices } from '../../db/billing/invoices';
import { listPayments } from '../../db/billing/payments';
import { listPlans } from '../../db/billing/plans';
import { currentUsage } from '../../db/billing/usage';
import { withTenant } from '../../db/tenant-transaction';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { subscriptionActor } from '../../actors/subscription';
import { recordAudit } from '../audit/record-audit';
import { getSubscription } from './get-subscription';
import { toInvoiceView, toPaymentView, toPlanView } from './billing-views';

const ZLimitQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** Billing stays reachable when the workspace is blocked: it is how a blocked workspace gets back in. */
export function registerBillingRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'billing';
  const open = { allowWithoutSubscription: true } as const;
  const subscription = subscriptionActor(deps);
  const tenantTx = <T>(tenantId: string, work: Parameters<typeof withTenant<T>>[2]) => withTenant(deps.db.app, tenantId, work);

  routes.add({ method: 'get', path: '/billing/plans', tag, summary: 'Plans with prices (₹ a month) and limits', access: 'public', response: ZPlansResponseSchema }, async () => ({
    data: (await listPlans(deps.db.app)).map(toPlanView),
  }));

  routes.add(
    {
      method: 'post',
      path: '/billing/create-subscription',
      tag,
      summary: 'Subscribe to a plan: creates the Razorpay customer and subscription, returns checkout data',
      errors: ['already_subscribed'],
      access: 'admin',
      ...open,
      body: ZCreateSubscriptionSchema,
      response: ZCreateSubscriptionResponseSchema,
      status: 201,
    },
    async ({ auth, body, ctx }) => {
      const created = await subscription.subscribe(auth.tenantId, body);
      await tenantTx(auth.tenantId, (trx) => recordAudit(trx, auth, 'billing.subscribed', { planId: body.planId, subscriptionId: created.subscriptionId }, ctx.ip));
      return created;
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/billing/subscription',
      tag,
      summary: 'The current subscription (status null before any)',
      access: 'user',
      ...open,
      response: ZSubscriptionResponseSchema,
    },
    async ({ auth }) => tenantTx(auth.tenantId, (trx) => getSubscription(trx, auth.tenantId)),
  );

  routes.add(
    {
      method: 'post',
      path: '/billing/cancel',
      tag,
      summary: 'Cancel the subscription, at the end of the cycle (default) or now',
      errors: ['no_subscription'],
      access: 'admin',
      ...open,
      body: ZCancelSubscriptionSchema,
      response: ZSubscriptionResponseSchema,
    },
    async ({ auth, body, ctx }) => {
      await subscription.cancel(auth.tenantId, body);
      await tenantTx(auth.tenantId, (trx) => recordAudit(trx, auth, 'billing.cancelled', { atCycleEnd: body.atCycleEnd }, ctx.ip));
      return tenantTx(auth.tenantId, (trx) => getSubscription(trx, auth.tenantId));
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/billing/change-plan',
      tag,
      summary: 'Move the subscription to another plan',
      errors: ['no_subscription', 'same_plan', 'not_found'],
      access: 'admin',
      ...open,
      body: ZChangePlanSchema,
      response: ZSubscriptionResponseSchema,
    },
    async ({ auth, body, ctx }) => {
      await subscription.changePlan(auth.tenantId, body);
      await tenantTx(auth.tenantId, (trx) => recordAudit(trx, auth, 'billing.plan_changed', { planId: body.planId }, ctx.ip));
      return tenantTx(auth.tenantId, (trx) => getSubscription(trx, auth.tenantId));
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/billing/payments',
      tag,
      summary: 'Payments, newest first',
      access: 'admin',
      ...open,
      query: ZLimitQuerySchema,
      response: z.object({ data: z.array(ZPaymentSchema) }),
    },
    async ({ auth, query }) => ({ data: (await tenantTx(auth.tenantId, (trx) => listPayments(trx, query.limit))).map(toPaymentView) }),
  );

  routes.add(
    {
      method: 'get',
      path: '/billing/invoices',
      tag,
      summary: 'Invoices, newest first',
      access: 'admin',
      ...open,
      query: ZLimitQuerySchema,
      response: z.object({ data: z.array(ZInvoiceSchema) }),
    },
    async ({ auth, query }) => ({ data: (await tenantTx(auth.tenantId, (trx) => listInvoices(trx, query.limit))).map(toInvoiceView) }),
  );

  routes.add(
    { method: 'get', path: '/billing/usage', tag, summary: 'Usage this month/day against the plan limits', access: 'user', ...open, response: ZUsageResponseSchema },
    async ({ auth }) => tenantTx(auth.tenantId, (trx) => currentUsage(trx)),
  );
}
