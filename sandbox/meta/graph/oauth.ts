import { nowSeconds } from '../state/ids';
import { lookupToken, presentedToken } from './auth';
import { param, sendJson, type SimDeps, type SimRouteContext, type SimRouter } from './context';
import { GraphError } from './errors';

const LONG_LIVED_SECONDS = 60 * 24 * 3600;
const WA_SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'];

function oauthError(message: string, code: number, subcode?: number): GraphError {
  return new GraphError(400, { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}) });
}

/** Token endpoints: code exchange, long-lived exchange, app token, and debug_token with granular scopes. */
export function registerOAuthRoutes(router: SimRouter, deps: SimDeps): void {
  const { store, config } = deps;

  router.get('/:version/oauth/access_token', (ctx: SimRouteContext) => {
    if (param(ctx, 'client_id') !== config.appId) throw oauthError('Error validating application. Invalid application ID.', 101);
    if (param(ctx, 'client_secret') !== config.appSecret) throw oauthError('Error validating client secret.', 1);
    const grantType = param(ctx, 'grant_type');

    if (grantType === 'client_credentials') return sendJson(ctx, 200, { access_token: `${config.appId}|${config.appSecret}`, token_type: 'bearer' });

    if (grantType === 'fb_exchange_token') {
      const short = lookupToken(store, param(ctx, 'fb_exchange_token'));
      const long = store.issueToken({ kind: 'user', wabaIds: short.wabaIds, userId: short.userId, expiresAt: nowSeconds() + LONG_LIVED_SECONDS });
      return sendJson(ctx, 200, { access_token: long.token, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS });
    }

    const code = param(ctx, 'code');
    if (!code) throw oauthError('Missing authorization code', 1);
    const grant = store.codes.get(code);
    if (!grant) throw oauthError('Invalid verification code format.', 100, 36008);
    if (grant.used) throw oauthError('This authorization code has been used.', 100, 36009);
    if (grant.expiresAt <= nowSeconds()) throw oauthError('This authorization code has expired.', 100, 36007);
    const redirectUri = param(ctx, 'redirect_uri');
    if (redirectUri !== undefined && redirectUri !== grant.redirectUri) {
      throw oauthError('Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', 100, 36008);
    }
    grant.used = true;
    // Embedded Signup yields a business integration system user token, which does not expire.
    const token = store.issueToken({ kind: 'business', wabaIds: grant.wabaIds, userId: grant.userId });
    sendJson(ctx, 200, { access_token: token.token, token_type: 'bearer' });
  });

  router.get('/:version/debug_token', (ctx: SimRouteContext) => {
    lookupToken(store, presentedToken(ctx));
    const inputToken = param(ctx, 'input_token');
    if (!inputToken) throw GraphError.invalidParam('The parameter input_token is required');
    sendJson(ctx, 200, { data: debugData(deps, inputToken) });
  });
}

function debugData(deps: SimDeps, inputToken: string): Record<string, unknown> {
  const { store, config } = deps;
  const base = { app_id: config.appId, application: config.appName };
  const record = store.tokens.get(inputToken);
  if (!record) return { ...base, is_valid: false, scopes: [], error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' } };
  if (record.kind === 'app') return { ...base, type: 'APP', is_valid: true, scopes: [] };
  const expired = record.expiresAt !== undefined && record.expiresAt <= nowSeconds();
  const targetIds = store.wabasOf(record).map((w) => w.id);
  return {
    ...base,
    type: 'USER',
    data_access_expires_at: record.issuedAt + 90 * 24 * 3600,
    expires_at: record.expiresAt ?? 0,
    issued_at: record.issuedAt,
    is_valid: !expired,
    ...(expired ? { error: { code: 190, message: 'Error validating access token: Session has expired.', subcode: 463 } } : {}),
    scopes: [...WA_SCOPES, 'business_management', 'public_profile'],
    granular_scopes: WA_SCOPES.map((scope) => ({ scope, target_ids: targetIds })),
    user_id: record.userId,
  };
}
