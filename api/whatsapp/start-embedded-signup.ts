import type { AppConfig } from '../../config';
import type { AuthPrincipal } from '../auth/principal';
import { signConnectState } from './connect-state';

export const metaCallbackUrl = (config: AppConfig) => `${config.publicUrl}/meta/callback`;

/**
 * The Embedded Signup dialog URL, with the parameters Meta's JS SDK sends for it (`config_id`,
 * `response_type=code`, `override_default_response_type`, `extras`) plus a signed state.
 */
export async function startEmbeddedSignup(config: AppConfig, auth: AuthPrincipal, browser: string): Promise<{ url: string }> {
  const url = new URL(config.meta.oauthDialogUrl);
  const params = {
    client_id: config.meta.appId,
    config_id: config.meta.configId,
    response_type: 'code',
    override_default_response_type: 'true',
    redirect_uri: metaCallbackUrl(config),
    state: await signConnectState(config.jwt, { tenantId: auth.tenantId, userId: auth.userId, browser }),
    extras: JSON.stringify({ setup: {}, sessionInfoVersion: '3' }),
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { url: url.toString() };
}
