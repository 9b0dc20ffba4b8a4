import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SimRouteContext, SimRouter } from '../graph/context';
import { ZFaultSpec } from '../faults/fault-spec';
import type { MetaSimulator, WebhookKind } from '../types';
import { ZCreateAccount, ZEmitStatus, ZInboundRequest, ZStatusBehaviour, toInboundInput } from './schemas';

type Handler = (ctx: SimRouteContext) => unknown;

/** Control-plane errors are plain `{error:{message}}` 400s, unlike Graph's. */
function control(handler: Handler): Handler {
  return async (ctx) => {
    try {
      const result = await handler(ctx);
      if (ctx.body === undefined) {
        ctx.status = ctx.status === 404 ? 200 : ctx.status;
        ctx.body = result ?? { ok: true };
      }
    } catch (err) {
      ctx.status = 400;
      ctx.body = { error: { message: err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message } };
    }
  };
}

const body = (ctx: SimRouteContext) => ctx.state.body ?? {};
const query = (ctx: SimRouteContext, name: string) => (typeof ctx.query[name] === 'string' ? (ctx.query[name] as string) : undefined);

/** `/_sim/*`: drive the simulator over HTTP (the web phone simulator, manual testing). */
export function registerControlRoutes(router: SimRouter, sim: MetaSimulator): void {
  router.get(
    '/health',
    control(() => ({ ok: true, url: sim.url, graphVersion: sim.graphVersion })),
  );

  router.get(
    '/accounts',
    control(() => ({ data: sim.accounts() })),
  );
  router.post(
    '/accounts',
    control((ctx) => sim.createAccount(ZCreateAccount.parse(body(ctx)))),
  );
  router.post(
    '/tokens',
    control((ctx) => {
      const input = z.strictObject({ token: z.string().min(8).optional(), wabaIds: z.array(z.string()).optional() }).parse(body(ctx));
      return { token: sim.registerToken(input.token ?? `EAAGsim${randomUUID().replace(/-/g, '')}`, { wabaIds: input.wabaIds }) };
    }),
  );
  router.post(
    '/tokens/expire',
    control((ctx) => sim.expireToken(z.object({ token: z.string() }).parse(body(ctx)).token)),
  );

  router.post(
    '/inbound',
    control(async (ctx) => {
      const input = ZInboundRequest.parse(body(ctx));
      const result = await sim.customer(input.phoneNumberId).send({ waId: input.from, name: input.name }, toInboundInput(input.message));
      return { wamid: result.wamid, delivery: result.delivery };
    }),
  );
  router.post(
    '/webhooks/raw',
    control((ctx) => {
      const input = z.object({ body: z.union([z.string(), z.record(z.string(), z.unknown())]), signature: z.string().optional() }).parse(body(ctx));
      return sim.postRawWebhook(input.body, { signature: input.signature });
    }),
  );
  router.post(
    '/webhooks/redeliver',
    control((ctx) => sim.redeliver(z.object({ deliveryId: z.string() }).parse(body(ctx)).deliveryId)),
  );
  router.put(
    '/webhook-url',
    control((ctx) => sim.setWebhookUrl(z.object({ url: z.string().url().optional() }).parse(body(ctx)).url)),
  );

  router.post(
    '/statuses',
    control((ctx) => {
      const { wamid, status, ...opts } = ZEmitStatus.parse(body(ctx));
      return sim.emitStatus(wamid, status, opts);
    }),
  );
  router.put(
    '/status-behaviour',
    control((ctx) => sim.setStatusBehaviour(ZStatusBehaviour.parse(body(ctx)))),
  );
  router.post(
    '/templates/:id/status',
    control((ctx) => {
      const input = z.object({ status: z.string().min(1), reason: z.string().optional() }).parse(body(ctx));
      return sim.setTemplateStatus(ctx.params.id, input.status.toUpperCase(), input.reason);
    }),
  );

  router.get(
    '/sent',
    control((ctx) => ({ data: sim.sent({ phoneNumberId: query(ctx, 'phoneNumberId'), to: query(ctx, 'to') }) })),
  );
  router.get(
    '/deliveries',
    control((ctx) => ({ data: sim.webhookDeliveries({ kind: query(ctx, 'kind') as WebhookKind | undefined }) })),
  );
  router.get(
    '/requests',
    control(() => ({ data: sim.requests() })),
  );

  router.get(
    '/faults',
    control(() => ({ data: sim.activeFaults() })),
  );
  router.post(
    '/faults',
    control((ctx) => ({ id: sim.injectFault(ZFaultSpec.parse(body(ctx))) })),
  );
  router.delete(
    '/faults',
    control((ctx) => sim.clearFaults({ phoneNumberId: query(ctx, 'phoneNumberId') })),
  );
  router.delete(
    '/faults/:id',
    control((ctx) => sim.clearFault(ctx.params.id)),
  );

  router.post(
    '/reset',
    control((ctx) => sim.reset({ all: z.object({ all: z.boolean().optional() }).parse(body(ctx)).all })),
  );
}
