import type { PhoneNumber, Waba } from '../state/store';
import { canUseWaba, phoneFor, requireToken, wabaFor } from './auth';
import { param, sendJson, type SimContext, type SimDeps, type SimRouteContext, type SimRouter } from './context';
import { GraphError } from './errors';
import { page, selectFields } from './fields';
import { mediaNode } from './media';
import { templateJson } from './templates';

const PHONE_DEFAULT_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id'];
const WABA_DEFAULT_FIELDS = ['id', 'name', 'timezone_id', 'message_template_namespace'];

/** "+1 555-078-3881", the way Graph formats display_phone_number (webhook metadata uses bare digits). */
export function formatDisplayNumber(digits: string): string {
  if (digits.length === 11 && digits.startsWith('1')) return `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
  return `+${digits.slice(0, digits.length - 10)} ${digits.slice(-10, -5)} ${digits.slice(-5)}`;
}

function phoneJson(phone: PhoneNumber): Record<string, unknown> {
  return {
    id: phone.id,
    display_phone_number: formatDisplayNumber(phone.displayPhoneNumber),
    verified_name: phone.verifiedName,
    quality_rating: phone.qualityRating,
    code_verification_status: 'VERIFIED',
    name_status: 'APPROVED',
    platform_type: phone.registered ? 'CLOUD_API' : 'NOT_APPLICABLE',
    throughput: { level: 'STANDARD' },
    messaging_limit_tier: 'TIER_1K',
    status: phone.registered ? 'CONNECTED' : 'PENDING',
    is_official_business_account: false,
  };
}

function wabaJson(waba: Waba): Record<string, unknown> {
  return {
    id: waba.id,
    name: waba.name,
    timezone_id: '1',
    currency: 'USD',
    message_template_namespace: `sim_${waba.id}`,
    account_review_status: 'APPROVED',
    owner_business_info: { id: waba.businessId, name: waba.name },
  };
}

/** Phone-number and WABA nodes and edges used by onboarding: node GETs, phone_numbers, subscribed_apps, register. */
export function registerAccountRoutes(router: SimRouter, deps: SimDeps): void {
  const { store } = deps;

  router.get('/:version/:nodeId', (ctx: SimRouteContext) => {
    const token = requireToken(ctx, store);
    const id = ctx.params.nodeId;
    const phone = store.phones.get(id);
    if (phone && canUseWaba(token, phone.wabaId)) return sendJson(ctx, 200, selectFields(ctx, phoneJson(phone), PHONE_DEFAULT_FIELDS));
    const waba = store.wabas.get(id);
    if (waba && canUseWaba(token, waba.id)) return sendJson(ctx, 200, selectFields(ctx, wabaJson(waba), WABA_DEFAULT_FIELDS));
    const media = store.media.get(id);
    const mediaPhone = media && store.phones.get(media.phoneNumberId);
    if (media && mediaPhone && canUseWaba(token, mediaPhone.wabaId)) return mediaNode(ctx, deps, media);
    const template = store.templates.get(id);
    if (template && canUseWaba(token, template.wabaId)) return sendJson(ctx, 200, templateJson(template));
    throw GraphError.unknownObject('GET', id);
  });

  router.delete('/:version/:nodeId', (ctx: SimRouteContext) => {
    const token = requireToken(ctx, store);
    const media = store.media.get(ctx.params.nodeId);
    const phone = media && store.phones.get(media.phoneNumberId);
    if (!media || !phone || !canUseWaba(token, phone.wabaId)) throw GraphError.unknownObject('DELETE', ctx.params.nodeId);
    store.media.delete(media.id);
    sendJson(ctx, 200, { success: true });
  });

  router.get('/:version/:wabaId/phone_numbers', (ctx: SimRouteContext) => {
    const waba = wabaFor(ctx, store, requireToken(ctx, store), ctx.params.wabaId);
    const phones = [...store.phones.values()].filter((p) => p.wabaId === waba.id).map((p) => selectFields(ctx, phoneJson(p), PHONE_DEFAULT_FIELDS));
    sendJson(ctx, 200, page(ctx, phones, deps.baseUrl()));
  });

  router.post('/:version/:wabaId/subscribed_apps', async (ctx: SimRouteContext) => {
    const waba = wabaFor(ctx, store, requireToken(ctx, store), ctx.params.wabaId);
    const overrideCallbackUri = param(ctx, 'override_callback_uri');
    if (overrideCallbackUri) await verifyOverride(ctx, overrideCallbackUri);
    waba.subscriptions.set(deps.config.appId, overrideCallbackUri ? { overrideCallbackUri } : {});
    sendJson(ctx, 200, { success: true });
  });

  router.get('/:version/:wabaId/subscribed_apps', (ctx: SimRouteContext) => {
    const waba = wabaFor(ctx, store, requireToken(ctx, store), ctx.params.wabaId);
    const data = [...waba.subscriptions.entries()].map(([appId, s]) => ({
      whatsapp_business_api_data: { id: appId, link: `https://www.facebook.com/games/?app_id=${appId}`, name: deps.config.appName },
      ...(s.overrideCallbackUri ? { override_callback_uri: s.overrideCallbackUri } : {}),
    }));
    sendJson(ctx, 200, { data });
  });

  router.delete('/:version/:wabaId/subscribed_apps', (ctx: SimRouteContext) => {
    const waba = wabaFor(ctx, store, requireToken(ctx, store), ctx.params.wabaId);
    waba.subscriptions.delete(deps.config.appId);
    sendJson(ctx, 200, { success: true });
  });

  router.post('/:version/:phoneNumberId/register', (ctx: SimRouteContext) => {
    const phone = phoneFor(ctx, store, requireToken(ctx, store), ctx.params.phoneNumberId);
    if (param(ctx, 'messaging_product') !== 'whatsapp') throw GraphError.invalidParam('The parameter messaging_product is required.');
    const pin = param(ctx, 'pin');
    if (pin === undefined) throw GraphError.invalidParam('The parameter pin is required.');
    if (!/^\d{6}$/.test(pin)) throw GraphError.invalidParam('Param pin must be 6 characters long.');
    if (phone.pin !== undefined && phone.pin !== pin) throw GraphError.of(133005);
    phone.pin = pin;
    phone.registered = true;
    sendJson(ctx, 200, { success: true });
  });

  router.post('/:version/:phoneNumberId/deregister', (ctx: SimRouteContext) => {
    const phone = phoneFor(ctx, store, requireToken(ctx, store), ctx.params.phoneNumberId);
    phone.registered = false;
    sendJson(ctx, 200, { success: true });
  });
}

/** Meta checks an override callback with the GET handshake before accepting it. */
async function verifyOverride(ctx: SimContext, url: string): Promise<void> {
  const verifyToken = param(ctx, 'verify_token');
  if (!verifyToken) throw GraphError.invalidParam('The parameter verify_token is required with override_callback_uri.');
  const challenge = String(Math.floor(Math.random() * 1e9));
  const target = new URL(url);
  target.searchParams.set('hub.mode', 'subscribe');
  target.searchParams.set('hub.challenge', challenge);
  target.searchParams.set('hub.verify_token', verifyToken);
  const body = await fetch(target, { signal: AbortSignal.timeout(5000) }).then(
    (r) => (r.ok ? r.text() : ''),
    () => '',
  );
  if (body.trim() !== challenge) throw GraphError.invalidParam(`Callback verification failed: ${url} did not echo hub.challenge.`, { subcode: 2200 });
}
