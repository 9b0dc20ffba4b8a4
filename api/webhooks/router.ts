import { z } from 'zod';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { receiveRazorpayWebhook } from './receive-razorpay-webhook';

export function registerWebhookRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  routes.add(
    {
      method: 'post',
      path: '/webhooks/razorpay',
      tag: 'webhooks',
      summary: 'Razorpay events, signed with X-Razorpay-Signature (HMAC-SHA256 of the raw body)',
      errors: ['invalid_signature'],
      access: 'public',
      response: z.object({ status: z.string() }),
      throttle: { policy: 'webhook' },
    },
    async ({ ctx }) => ({
      status: await receiveRazorpayWebhook(deps, ctx.state.rawBody, ctx.get('x-razorpay-signature'), ctx.get('x-razorpay-event-id')),
    }),
  );
}
