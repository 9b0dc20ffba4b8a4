import type { Billing } from './billing';
import type { Lifecycle } from './lifecycle';
import type { Store } from './store';
import type { WebhookSender } from './webhooks';

/** What the route modules share; built once per simulator in index.ts. */
export interface SimDeps {
  store: Store;
  billing: Billing;
  lifecycle: Lifecycle;
  webhooks: WebhookSender;
  keySecret: string;
  checkoutUrl(subscriptionId: string): string;
}
