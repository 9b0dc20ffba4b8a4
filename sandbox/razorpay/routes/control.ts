import type Router from '@koa/router';
import type { SimDeps } from '../deps';
import { badRequest } from '../errors';
import type { Fault, Faults } from '../faults';
import { readBody, wire } from '../http';
import { optionalString, requireString } from '../validate';

/**
 * `/_sim/…`: drives what only Razorpay or the customer could do (for scripts, the phone simulator and tests).
 * No auth: the simulator listens on loopback and holds nothing real.
 */
export function registerControlRoutes(router: Router, deps: SimDeps, faults: Faults): void {
  const { store, lifecycle, webhooks } = deps;
  const drive = (path: string, run: (id: string) => Promise<unknown>) =>
    router.post(`/_sim/subscriptions/:id/${path}`, async (ctx) => {
      const id = store.subscription(ctx.params.id).entity.id;
      await run(id);
      ctx.body = wire(store.subscription(id).entity);
    });

  drive('pay', (id) => lifecycle.pay(id));
  drive('fail', (id) => lifecycle.failPayment(id));
  drive('charge-next-cycle', (id) => lifecycle.chargeNextCycle(id));
  drive('fail-renewal-until-halted', (id) => lifecycle.failRenewalUntilHalted(id));

  router.post('/_sim/subscriptions/:id/events', async (ctx) => {
    const body = await readBody(ctx);
    ctx.body = await lifecycle.sendEvent(ctx.params.id, requireString(body, 'event'), optionalString(body, 'eventId') ?? undefined);
  });

  router.get('/_sim/deliveries', (ctx) => {
    ctx.body = { items: webhooks.deliveries() };
  });

  router.post('/_sim/deliveries/:eventId/redeliver', async (ctx) => {
    const sent = webhooks.findSent(ctx.params.eventId);
    if (!sent) throw badRequest('No event was sent with that id', 'eventId');
    ctx.body = { status: await webhooks.send(sent), eventId: sent.eventId };
  });

  router.put('/_sim/webhook-url', async (ctx) => {
    const url = requireString(await readBody(ctx), 'url', 2048);
    if (!/^https?:\/\//.test(url)) throw badRequest('The url must be an http(s) URL.', 'url');
    webhooks.setUrl(url);
    ctx.body = { url };
  });

  router.post('/_sim/faults', async (ctx) => {
    faults.inject((await readBody(ctx)) as Fault);
    ctx.status = 204;
  });

  router.delete('/_sim/faults', (ctx) => {
    faults.clear();
    ctx.status = 204;
  });
}
