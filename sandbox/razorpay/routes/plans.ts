import type Router from '@koa/router';
import type { SimDeps } from '../deps';
import type { Plan } from '../entities';
import { badRequest } from '../errors';
import { collection, paginate, readBody, wire } from '../http';
import { newId } from '../ids';
import { nowSeconds, PERIODS, type Period } from '../time';
import { notesOf, optionalObject, optionalString, rejectExtraFields, requireInt, requireString, requireValue, type Body } from '../validate';

export function registerPlanRoutes(router: Router, { store }: SimDeps): void {
  router.post('/v1/plans', async (ctx) => {
    const plan = createPlan(await readBody(ctx));
    store.plans.set(plan.id, plan);
    ctx.body = wire(plan);
  });

  router.get('/v1/plans', (ctx) => {
    ctx.body = collection(paginate(store.plans.values(), ctx.query));
  });

  router.get('/v1/plans/:id', (ctx) => {
    ctx.body = wire(store.plan(ctx.params.id));
  });
}

function createPlan(body: Body): Plan {
  rejectExtraFields(body, ['period', 'interval', 'item', 'notes']);
  const period = requireString(body, 'period');
  if (!PERIODS.includes(period as Period)) throw badRequest('The selected period is invalid.', 'period');
  const interval = requireInt(body, 'interval', 1);
  if (period === 'daily' && interval < 7) throw badRequest('The interval must be at least 7 for daily plans.', 'interval');
  requireValue(body, 'item');
  const item = optionalObject(body, 'item') as Body;
  rejectExtraFields(item, ['name', 'amount', 'currency', 'description']);
  const name = requireString(item, 'name');
  const amount = requireInt(item, 'amount');
  const currency = requireString(item, 'currency');
  if (!/^[A-Z]{3}$/.test(currency)) throw badRequest('The selected currency is invalid.', 'currency');
  if (amount < 100) throw badRequest(`The amount must be at least ${currency} 1.00.`, 'amount');
  const notes = notesOf(body);
  const now = nowSeconds();
  return {
    id: newId('plan'),
    entity: 'plan',
    interval,
    period: period as Period,
    item: {
      id: newId('item'),
      active: true,
      name,
      description: optionalString(item, 'description', 2048),
      amount,
      unit_amount: amount,
      currency,
      type: 'plan',
      unit: null,
      tax_inclusive: false,
      hsn_code: null,
      sac_code: null,
      tax_rate: null,
      tax_id: null,
      tax_group_id: null,
      created_at: now,
      updated_at: now,
    },
    notes,
    created_at: now,
  };
}
