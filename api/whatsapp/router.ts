import { withTenant } from '../../db/tenant-transaction';
import { listAccounts, toWhatsappAccount } from '../../db/whatsapp/accounts';
import {
  ZAccountIdParamSchema,
  ZCloudInitSchema,
  ZEmbeddedStartResponseSchema,
  ZMetaCallbackQuerySchema,
  ZWhatsappAccountSchema,
  ZWhatsappMeResponseSchema,
} from '../../domain/whatsapp';
import { ZTemplatePickerQuerySchema, ZTemplatePickerResponseSchema } from '../../domain/whatsapp-templates';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { bindConnectToBrowser, takeConnectBinding } from './connect-cookie';
import { handleMetaCallback } from './handle-meta-callback';
import { initCloudNumber } from './init-cloud-number';
import { listApprovedTemplates } from './list-approved-templates';
import { setDefaultAccount } from './set-default-account';
import { startEmbeddedSignup } from './start-embedded-signup';

/**
 * The popup's opener must keep its handle on the popup through Meta's pages and back (Embedded
 * Signup posts its result to the opener). Every document on the way back to the settings page must
 * therefore not isolate itself: the callback redirect and the settings page it lands on opt out.
 */
const OPENER_POLICY = { 'Cross-Origin-Opener-Policy': 'unsafe-none' };

export function registerWhatsappRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'whatsapp';

  routes.add(
    {
      method: 'get',
      path: '/whatsapp/embedded/start',
      tag,
      summary: 'The Embedded Signup dialog URL, with a signed single-use state (10 minutes)',
      access: 'admin',
      response: ZEmbeddedStartResponseSchema,
    },
    async ({ auth, ctx }) => startEmbeddedSignup(deps.config, auth, bindConnectToBrowser(ctx, deps.config)),
  );

  routes.add(
    {
      method: 'get',
      path: '/meta/callback',
      tag,
      summary: "Meta's redirect after Embedded Signup: connects the number, then 302 to the WhatsApp settings page with ?connected=1 or ?error=<code>",
      access: 'public',
      query: ZMetaCallbackQuerySchema,
      status: 302,
    },
    async ({ ctx, query }) => {
      const target = await handleMetaCallback(deps, query, takeConnectBinding(ctx, deps.config));
      ctx.set(OPENER_POLICY);
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(target);
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/whatsapp/cloud/init',
      tag,
      summary: 'Register a Cloud API number with a token from Business Manager (the token is stored encrypted, never shown)',
      errors: [
        'whatsapp_invalid_code',
        'whatsapp_missing_permissions',
        'whatsapp_token_invalid',
        'whatsapp_account_not_found',
        'whatsapp_no_phone_number',
        'whatsapp_number_taken',
        'whatsapp_pin_mismatch',
      ],
      access: 'admin',
      body: ZCloudInitSchema,
      response: ZWhatsappAccountSchema,
      status: 201,
    },
    async ({ auth, body }) => initCloudNumber(deps, auth, body),
  );

  routes.add(
    { method: 'get', path: '/whatsapp/me', tag, summary: "The workspace's WhatsApp numbers (never their tokens)", access: 'user', response: ZWhatsappMeResponseSchema },
    async ({ auth }) => ({ accounts: (await withTenant(deps.db.app, auth.tenantId, listAccounts)).map(toWhatsappAccount) }),
  );

  routes.add(
    {
      method: 'post',
      path: '/whatsapp/accounts/:id/default',
      tag,
      summary: 'Make this number the default for sending',
      access: 'admin',
      params: ZAccountIdParamSchema,
      response: ZWhatsappAccountSchema,
    },
    async ({ auth, params }) => withTenant(deps.db.app, auth.tenantId, (trx) => setDefaultAccount(trx, auth, params.id)),
  );

  routes.add(
    {
      method: 'get',
      path: '/whatsapp/templates',
      tag,
      summary: "Approved templates of a number's WABA, read live from Meta, for the inbox's template picker (default number when phoneNumberId is omitted)",
      errors: ['not_found', 'no_whatsapp_number'],
      access: 'user',
      query: ZTemplatePickerQuerySchema,
      response: ZTemplatePickerResponseSchema,
    },
    async ({ auth, query }) => ({ data: await listApprovedTemplates(deps, auth.tenantId, query.phoneNumberId) }),
  );

  // Not an API route: it only sets the header on the web app's page, which web-app.ts then serves.
  routes.router.get('/app/settings/whatsapp', async (ctx, next) => {
    ctx.set(OPENER_POLICY);
    await next();
  });
}
