import type Router from '@koa/router';
import type { SimDeps } from '../deps';
import type { Addon, Plan, SubscriptionRecord } from '../entities';
import { badRequest, invalidState } from '../errors';
import { buildEvent } from '../events';
import { collection, paginate, queryString, readBody, wire } from '../http';
import { newId } from '../ids';
import { applyChange } from '../lifecycle';
import { addCycles, nowSeconds } from '../time';
import { notesOf, optionalBool, optionalInt, optionalObject, optionalString, rejectExtraFields, requireString, type Body } from '../validate';

const CREATE_FIELDS = ['plan_id', 'total_count', 'end_at', 'quantity', 'customer_notify', 'start_at', 'expire_by', 'addons', 'offer_id', 'notes', 'customer_id', 'notify_info'];
const UPDATE_FIELDS = ['plan_id', 'quantity', 'remaining_count', 'schedule_change_at', 'customer_notify', 'offer_id'];

export function registerSubscriptionRoutes(router: Router, deps: SimDeps): void {
  const { store } = deps;

  router.post('/v1/subscriptions', async (ctx) => {
    const record = createSubscription(deps, await readBody(ctx));
    store.subscriptions.set(record.entity.id, record);
    ctx.body = wire(record.entity);
  });

  router.get('/v1/subscriptions', (ctx) => {
    const planId = queryString(ctx.query, 'plan_id');
    const all = [...store.subscriptions.values()].map((record) => record.entity).filter((sub) => !planId || sub.plan_id === planId);
    ctx.body = collection(paginate(all, ctx.query));
  });

  router.get('/v1/subscriptions/:id', (ctx) => {
    ctx.body = wire(store.subscription(ctx.params.id).entity);
  });

  router.patch('/v1/subscriptions/:id', async (ctx) => {
    const record = store.subscription(ctx.params.id);
    const body = await readBody(ctx);
    rejectExtraFields(body, UPDATE_FIELDS);
    if (!['authenticated', 'active'].includes(record.entity.status)) throw invalidState(`Subscription cannot be updated in ${record.entity.status} status.`);
    if (body.offer_id !== undefined) throw badRequest('Offer Not Found', 'offer_id');
    const change = {
      ...(body.plan_id !== undefined && { plan_id: store.plan(requireString(body, 'plan_id'), 'plan_id').id }),
      ...(body.quantity !== undefined && { quantity: optionalInt(body, 'quantity', 1) ?? 1 }),
      ...(body.remaining_count !== undefined && { remaining_count: optionalInt(body, 'remaining_count', 1) ?? 1 }),
    };
    const when = optionalString(body, 'schedule_change_at') ?? 'now';
    if (when !== 'now' && when !== 'cycle_end') throw badRequest('The selected schedule change at is invalid.', 'schedule_change_at');
    const notify = optionalBool(body, 'customer_notify');
    if (notify !== null) record.entity.customer_notify = notify;
    if (when === 'cycle_end' && record.entity.current_end !== null) {
      record.scheduled = change;
      Object.assign(record.entity, { has_scheduled_changes: true, change_scheduled_at: record.entity.current_end });
    } else {
      applyChange(record, change);
      void deps.webhooks.send(buildEvent(deps.webhooks, 'subscription.updated', record, undefined));
    }
    ctx.body = wire(record.entity);
  });
}

function createSubscription({ store, checkoutUrl }: SimDeps, body: Body): SubscriptionRecord {
  rejectExtraFields(body, CREATE_FIELDS);
  const plan = store.plan(requireString(body, 'plan_id'), 'plan_id');
  const now = nowSeconds();
  const startAt = optionalInt(body, 'start_at');
  if (startAt !== null && startAt < now) throw badRequest('Start time should be greater than the current time', 'start_at');
  const totalCount = countOf(body, plan, startAt ?? now);
  const expireBy = optionalInt(body, 'expire_by');
  if (expireBy !== null && expireBy <= now) throw badRequest('expire_by should be greater than the current time', 'expire_by');
  if (body.offer_id !== undefined) throw badRequest('Offer Not Found', 'offer_id');
  const customerId = body.customer_id === undefined ? null : store.customer(requireString(body, 'customer_id'), 'customer_id').id;
  if (body.notify_info !== undefined) optionalObject(body, 'notify_info');
  const id = newId('sub');
  return {
    entity: {
      id,
      entity: 'subscription',
      plan_id: plan.id,
      customer_id: customerId,
      status: 'created',
      current_start: null,
      current_end: null,
      ended_at: null,
      quantity: optionalInt(body, 'quantity', 1) ?? 1,
      notes: notesOf(body),
      charge_at: startAt ?? now,
      start_at: startAt,
      end_at: addCycles(startAt ?? now, plan.period, plan.interval, totalCount),
      auth_attempts: 0,
      total_count: totalCount,
      paid_count: 0,
      customer_notify: optionalBool(body, 'customer_notify') ?? true,
      created_at: now,
      expire_by: expireBy,
      short_url: checkoutUrl(id),
      has_scheduled_changes: false,
      change_scheduled_at: null,
      source: 'api',
      offer_id: null,
      remaining_count: totalCount,
    },
    addons: addonsOf(body, plan),
    cancelAtCycleEnd: false,
    scheduled: null,
    lastPaymentId: null,
    dueInvoiceId: null,
  };
}

/** `total_count`, or as many cycles as fit before `end_at`; exactly one of the two. */
function countOf(body: Body, plan: Plan, start: number): number {
  const total = optionalInt(body, 'total_count', 1);
  const endAt = optionalInt(body, 'end_at');
  if (total === null && endAt === null) throw badRequest('The total count field is required when end at is not present.', 'total_count');
  if (total !== null && endAt !== null) throw badRequest('Please provide either an end date or a total count, but not both.', 'end_at');
  if (total !== null) return total;
  let count = 0;
  while (addCycles(start, plan.period, plan.interval, count + 1) <= (endAt as number)) count += 1;
  if (count === 0) throw badRequest('The end at must be at least one billing cycle after the start.', 'end_at');
  return count;
}

function addonsOf(body: Body, plan: Plan): Addon[] {
  if (body.addons === undefined || body.addons === null) return [];
  if (!Array.isArray(body.addons)) throw badRequest('The addons must be an array.', 'addons');
  return body.addons.map((entry: unknown) => {
    const item = optionalObject((entry ?? {}) as Body, 'item');
    if (!item) throw badRequest('The item field is required.', 'item');
    const name = requireString(item, 'name');
    const amount = optionalInt(item, 'amount', 100);
    if (amount === null) throw badRequest('The amount field is required.', 'amount');
    const currency = optionalString(item, 'currency') || plan.item.currency;
    if (currency !== plan.item.currency) throw badRequest('Addon currency should be same as the plan currency', 'currency');
    return { name, amount, currency };
  });
}
