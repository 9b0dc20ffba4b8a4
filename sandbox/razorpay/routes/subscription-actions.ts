import type Router from '@koa/router';
import type { SimDeps } from '../deps';
import type { Subscription, SubscriptionRecord } from '../entities';
import { badRequest, invalidState } from '../errors';
import { buildEvent } from '../events';
import { readBody, wire } from '../http';
import { nowSeconds } from '../time';
import { optionalBool, optionalString, rejectExtraFields } from '../validate';

/** Cancel, pause, resume and scheduled changes: API calls whose webhooks follow the response. */
export function registerSubscriptionActionRoutes(router: Router, deps: SimDeps): void {
  const { store } = deps;
  const notify = (event: string, record: SubscriptionRecord) => void deps.webhooks.send(buildEvent(deps.webhooks, event, record, undefined));

  router.post('/v1/subscriptions/:id/cancel', async (ctx) => {
    const record = store.subscription(ctx.params.id);
    const body = await readBody(ctx);
    rejectExtraFields(body, ['cancel_at_cycle_end']);
    const sub = record.entity;
    if (['cancelled', 'completed', 'expired'].includes(sub.status)) throw invalidState(`Subscription is not cancellable in ${sub.status} status.`);
    if (optionalBool(body, 'cancel_at_cycle_end') && sub.current_end !== null) {
      // Stays active until the cycle ends; chargeNextCycle() then cancels instead of charging.
      record.cancelAtCycleEnd = true;
      sub.end_at = sub.current_end;
    } else {
      cancelNow(record);
      notify('subscription.cancelled', record);
    }
    ctx.body = wire(sub);
  });

  router.post('/v1/subscriptions/:id/pause', async (ctx) => {
    const record = store.subscription(ctx.params.id);
    const body = await readBody(ctx);
    rejectExtraFields(body, ['pause_at']);
    if ((optionalString(body, 'pause_at') ?? 'now') !== 'now') throw badRequest('The selected pause at is invalid.', 'pause_at');
    const sub = record.entity;
    if (sub.status === 'authenticated') {
      // Razorpay's documented rule: pausing an authenticated subscription cancels it.
      cancelNow(record);
      notify('subscription.cancelled', record);
    } else if (sub.status === 'active') {
      Object.assign(sub, { status: 'paused', paused_at: nowSeconds(), pause_initiated_by: 'self', charge_at: null });
      notify('subscription.paused', record);
    } else {
      throw invalidState(`Subscription is not pausable in ${sub.status} status.`);
    }
    ctx.body = wire(sub);
  });

  router.post('/v1/subscriptions/:id/resume', async (ctx) => {
    const record = store.subscription(ctx.params.id);
    const body = await readBody(ctx);
    rejectExtraFields(body, ['resume_at']);
    if ((optionalString(body, 'resume_at') ?? 'now') !== 'now') throw badRequest('The selected resume at is invalid.', 'resume_at');
    const sub = record.entity;
    if (sub.status !== 'paused') throw invalidState(`Subscription is not resumable in ${sub.status} status.`);
    delete sub.paused_at;
    delete sub.pause_initiated_by;
    Object.assign(sub, { status: 'active', charge_at: sub.current_end });
    notify('subscription.resumed', record);
    ctx.body = wire(sub);
  });

  router.get('/v1/subscriptions/:id/retrieve_scheduled_changes', (ctx) => {
    const record = store.subscription(ctx.params.id);
    if (!record.scheduled) throw badRequest('Subscription does not have any scheduled changes', 'id');
    const preview: Subscription = { ...record.entity, ...record.scheduled };
    if (record.scheduled.remaining_count !== undefined) preview.total_count = preview.paid_count + record.scheduled.remaining_count;
    ctx.body = wire(preview);
  });

  router.post('/v1/subscriptions/:id/cancel_scheduled_changes', (ctx) => {
    const record = store.subscription(ctx.params.id);
    record.scheduled = null;
    Object.assign(record.entity, { has_scheduled_changes: false, change_scheduled_at: null });
    ctx.body = wire(record.entity);
  });
}

function cancelNow(record: SubscriptionRecord): void {
  record.cancelAtCycleEnd = false;
  Object.assign(record.entity, { status: 'cancelled', ended_at: nowSeconds(), charge_at: null });
}
