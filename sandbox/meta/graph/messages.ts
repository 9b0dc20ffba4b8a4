import { previewOf } from '../preview';
import { newWamid } from '../state/ids';
import type { PhoneNumber, SimStore } from '../state/store';
import type { SentMessage } from '../types';
import { phoneFor, requireToken } from './auth';
import { sendJson, type SimDeps, type SimRouteContext, type SimRouter } from './context';
import { GraphError } from './errors';
import { toGraphParamError } from './param-errors';
import { ZMarkRead, ZSendMessage, type SendMessageBody } from './send-schema';
import { componentText, placeholders } from './template-placeholders';

const WINDOW_MS = 24 * 3600 * 1000;

/** POST /{version}/{phone-number-id}/messages — sends and mark-as-read. */
export function registerMessageRoutes(router: SimRouter, deps: SimDeps): void {
  router.post('/:version/:phoneNumberId/messages', async (ctx: SimRouteContext) => {
    const { store } = deps;
    const token = requireToken(ctx, store);
    const phone = phoneFor(ctx, store, token, ctx.params.phoneNumberId);
    const input = ctx.state.body;
    if (input === null || typeof input !== 'object' || Array.isArray(input)) throw GraphError.invalidParam('The parameter messaging_product is required.');

    if ((input as Record<string, unknown>).status === 'read') {
      const parsed = ZMarkRead.safeParse(input);
      if (!parsed.success) throw toGraphParamError(parsed.error, input);
      store.readMarks.push({ phoneNumberId: phone.id, messageId: parsed.data.message_id, at: Date.now() });
      return sendJson(ctx, 200, { success: true });
    }

    const parsed = ZSendMessage.safeParse(input);
    if (!parsed.success) throw toGraphParamError(parsed.error, input);
    const body = parsed.data;
    const waId = body.to.replace(/[\s+\-().]/g, '');
    if (!/^\d{6,15}$/.test(waId)) throw GraphError.invalidParam(`Param to must be a phone number or WhatsApp ID, got "${body.to}".`);
    if (!phone.registered) throw GraphError.of(133010);
    if (body.type === 'template' && deps.config.strictTemplates) checkTemplate(store, phone, body);

    const message: SentMessage = {
      wamid: newWamid(waId),
      phoneNumberId: phone.id,
      wabaId: phone.wabaId,
      input: body.to,
      waId,
      type: body.type,
      body: input as Record<string, unknown>,
      bizOpaqueCallbackData: body.biz_opaque_callback_data,
      version: ctx.params.version,
      at: Date.now(),
      ...asyncFailure(deps, ctx, phone, waId, body),
      preview: previewOf(store, phone.wabaId, body),
    };
    store.recordSent(message);
    await deps.statuses.afterSend(message);

    sendJson(ctx, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: waId }],
      messages: [body.type === 'template' ? { id: message.wamid, message_status: 'accepted' } : { id: message.wamid }],
    });
  });
}

/** Failures Meta reports after accepting the send: an injected async fault, an unknown media id, or a closed 24 h window. */
function asyncFailure(deps: SimDeps, ctx: SimRouteContext, phone: PhoneNumber, waId: string, body: SendMessageBody): { failureCode?: number; failureDetails?: string } {
  if (ctx.state.asyncFailure) return { failureCode: ctx.state.asyncFailure.code, failureDetails: ctx.state.asyncFailure.details };
  const media = body.type === 'image' || body.type === 'video' || body.type === 'audio' || body.type === 'document' || body.type === 'sticker' ? body[body.type] : undefined;
  if (media?.id && !deps.store.media.has(media.id)) return { failureCode: 131053, failureDetails: `Media ID ${media.id} is invalid or has expired.` };
  if (deps.config.enforceCustomerServiceWindow && body.type !== 'template') {
    const last = deps.store.lastInbound.get(`${phone.id}:${waId}`);
    if (last === undefined || Date.now() - last > WINDOW_MS) return { failureCode: 131047 };
  }
  return {};
}

function checkTemplate(store: SimStore, phone: PhoneNumber, body: SendMessageBody): void {
  const { name, language, components = [] } = body.template!;
  const template = store.findTemplate(phone.wabaId, name, language.code);
  if (!template || template.status !== 'APPROVED') throw GraphError.of(132001, { details: `template name (${name}) does not exist in ${language.code}` });
  for (const [kind, type] of [
    ['body', 'BODY'],
    ['header', 'HEADER'],
  ] as const) {
    const expected = placeholders(componentText(template, type)).length;
    const given = components.find((c) => c.type === kind)?.parameters?.filter((p) => p.type !== 'image' && p.type !== 'video' && p.type !== 'document').length ?? 0;
    if (expected !== given) throw GraphError.of(132000, { details: `${kind}: number of localizable_params (${given}) does not match the expected number of params (${expected})` });
  }
}
