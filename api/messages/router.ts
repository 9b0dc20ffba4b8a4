import { ZSendMessageResponseSchema, ZSendMessageSchema } from '../../domain/messages';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { sendMessage } from './send-message';

export function registerMessageRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  for (const path of ['/messages/send', '/whatsapp/send']) {
    routes.add(
      {
        method: 'post',
        path,
        tag: 'messages',
        summary: 'Send a WhatsApp message (text, template, media, buttons, list); answers at once with status queued',
        errors: ['not_found', 'no_whatsapp_number', 'window_closed', 'contact_opted_out'],
        access: 'user',
        body: ZSendMessageSchema,
        response: ZSendMessageResponseSchema,
        status: 202,
      },
      async ({ auth, body }) => sendMessage(deps, auth, body),
    );
  }
}
