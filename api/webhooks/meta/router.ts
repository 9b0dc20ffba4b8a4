import { Counter } from 'prom-client';
import { z } from 'zod';
import { AppError } from '../../../domain/errors';
import type { ApiDeps } from '../../deps';
import type { ApiMetrics } from '../../health/metrics';
import type { RouteRegistry } from '../../http/route-registry';
import { secretEquals } from '../../http/secret-equal';
import { channelActor } from '../../../actors/channel';
import { NumberDirectory } from './number-directory';
import { receiveMetaWebhook } from './receive-meta-webhook';
import { StatusCoalescer } from './status-coalescer';

const ZVerifyQuerySchema = z.object({ 'hub.mode': z.string(), 'hub.verify_token': z.string(), 'hub.challenge': z.string().max(200) });

export function registerMetaWebhookRoutes(routes: RouteRegistry, deps: ApiDeps, metrics: ApiMetrics): void {
  const unknownNumbers = new Counter({
    name: 'aerostic_meta_webhook_unknown_number_total',
    help: 'Meta webhooks for phone number ids no workspace owns',
    registers: [metrics.registry],
  });
  const numbers = new NumberDirectory(deps.db.system);
  const channels = channelActor(deps);
  const statuses = new StatusCoalescer((tenantId, phoneNumberId, batch) => channels.signalStatuses(tenantId, phoneNumberId, batch));
  const tag = 'webhooks';

  routes.add(
    {
      method: 'get',
      path: '/webhooks/meta',
      tag,
      summary: "Meta's subscription check: echoes hub.challenge when the verify token matches",
      errors: ['forbidden'],
      access: 'public',
      query: ZVerifyQuerySchema,
      throttle: { policy: 'webhook' },
    },
    async ({ ctx, query }) => {
      if (query['hub.mode'] !== 'subscribe' || !secretEquals(query['hub.verify_token'], deps.config.meta.webhookVerifyToken)) {
        throw new AppError('forbidden', 'The verify token does not match');
      }
      ctx.type = 'text/plain';
      return query['hub.challenge'];
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/webhooks/meta',
      tag,
      summary: 'WhatsApp messages and statuses, signed with X-Hub-Signature-256 (HMAC-SHA256 of the raw body)',
      errors: ['invalid_signature'],
      access: 'public',
      response: z.object({ received: z.object({ messages: z.number(), statuses: z.number() }) }),
      throttle: { policy: 'webhook' },
    },
    async ({ ctx }) => ({
      received: await receiveMetaWebhook({ deps, numbers, statuses, onUnknownNumber: () => unknownNumbers.inc() }, ctx.state.rawBody, ctx.get('x-hub-signature-256')),
    }),
  );
}
