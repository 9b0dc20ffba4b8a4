import { ZLoginSchema } from '../../domain/auth';
import { ZCodecPayloadsSchema, ZPlatformLoginResponseSchema } from '../../domain/platform';
import { EncryptionCodec } from '../../infra/codec/encryption-codec';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route-registry';
import { temporalUiCors } from '../middleware/security';
import { runCodec } from '../../infra/codec/codec-server';
import { recordPlatformAudit } from '../../db/system/platform-audit';
import { renderPlatformLoginPage, platformLoginScript } from './login-page';
import { loginPlatformAdmin } from './login';
import { setPlatformCookie } from './session-cookie';

/** Platform admin sign-in and the codec server Temporal UI calls to show decrypted payloads. */
export function registerPlatformRoutes(routes: RouteRegistry, deps: ApiDeps): void {
  const tag = 'platform';
  const codec = new EncryptionCodec(deps.config.encryptionKeys, { readPlaintext: true });
  const cors = temporalUiCors(deps.config.temporal.uiUrl);

  routes.add(
    {
      method: 'post',
      path: '/admin/login',
      tag,
      summary: 'Platform admin sign-in: a super_admin token, also set as the cookie Temporal UI sends to /codec',
      errors: ['invalid_credentials'],
      access: 'public',
      body: ZLoginSchema,
      response: ZPlatformLoginResponseSchema,
      throttle: { policy: 'auth', account: ['email'] },
    },
    async ({ body, ctx }) => {
      const { token, expiresAt } = await loginPlatformAdmin(deps, body);
      setPlatformCookie(ctx, deps.config, token, expiresAt);
      return { accessToken: token, expiresAt: expiresAt.toISOString() };
    },
  );

  for (const operation of ['decode', 'encode'] as const) {
    routes.add(
      {
        method: 'post',
        path: `/codec/${operation}`,
        tag,
        summary: `Codec server for Temporal UI and CLI: ${operation} payloads (platform admins only)`,
        access: 'platform',
        cors,
        body: ZCodecPayloadsSchema,
        response: ZCodecPayloadsSchema,
      },
      async ({ auth, body, ctx }) => {
        // Every decode leaves a row before any plaintext leaves the API.
        if (operation === 'decode') {
          const metadata = { payloads: body.payloads.length, namespace: ctx.get('x-namespace').slice(0, 200) || null };
          await recordPlatformAudit(deps.db.system, { platformAdminId: auth.platformAdminId, action: 'codec.decode', metadata, ip: ctx.ip });
        }
        return runCodec(codec, operation, body);
      },
    );
  }

  routes.router.get('/admin/login', (ctx) => {
    ctx.type = 'html';
    ctx.body = renderPlatformLoginPage(deps.config);
  });
  routes.router.get('/admin/login.js', (ctx) => {
    ctx.type = 'application/javascript';
    ctx.body = platformLoginScript;
  });
}
