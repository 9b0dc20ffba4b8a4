import type { SimStore } from '../state/store';

/** Meta only delivers a WABA's webhooks to apps subscribed to it, at the WABA's override callback if one was set. */
export function webhookRoute(store: SimStore, appId: string, wabaId: string): { skip?: string; url?: string } {
  const subscription = store.wabas.get(wabaId)?.subscriptions.get(appId);
  if (!subscription) return { skip: `app ${appId} is not subscribed to WABA ${wabaId} (POST /${wabaId}/subscribed_apps)` };
  return subscription.overrideCallbackUri ? { url: subscription.overrideCallbackUri } : {};
}
