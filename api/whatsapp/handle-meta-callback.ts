import { sealConnectSecrets } from '../../db/crypto/connect-secrets';
import type { TMetaCallbackQuery } from '../../domain/whatsapp';
import type { ConnectPageError } from '../../domain/whatsapp-connect';
import type { ApiDeps } from '../deps';
import { verifyConnectState } from './connect-state';
import { whatsappConnectActor } from '../../actors/whatsapp-connect';
import { metaCallbackUrl } from './start-embedded-signup';

type PageOutcome = { connected: true } | { error: ConnectPageError };

/**
 * Meta's redirect after the Embedded Signup dialog. The tenant comes only from the verified state,
 * accepted only from the browser that started the connect (`browser`: its connect cookie);
 * the answer is always the web app's WhatsApp settings page, carrying the outcome.
 */
export async function handleMetaCallback(deps: ApiDeps, query: TMetaCallbackQuery, browser: string | undefined): Promise<string> {
  const page = (outcome: PageOutcome) => {
    const url = new URL('/app/settings/whatsapp', deps.config.publicUrl);
    if ('connected' in outcome) url.searchParams.set('connected', '1');
    else url.searchParams.set('error', outcome.error);
    return url.toString();
  };

  const state = query.state ? await verifyConnectState(deps.config.jwt, query.state, browser) : undefined;
  if (!state) return page({ error: 'invalid_state' });
  if (query.error) return page({ error: 'access_denied' });
  if (!query.code) return page({ error: 'invalid_request' });

  try {
    const outcome = await whatsappConnectActor(deps).run(state.nonce, {
      tenantId: state.tenantId,
      userId: state.userId,
      redirectUri: metaCallbackUrl(deps.config),
      wabaId: query.waba_id,
      phoneNumberId: query.phone_number_id,
      secrets: sealConnectSecrets(deps.config.encryptionKeys, state.tenantId, { code: query.code }),
    });
    if (outcome === 'replayed') return page({ error: 'invalid_state' });
    return page(outcome.ok ? { connected: true } : { error: outcome.error });
  } catch (err) {
    deps.logger.error({ err, tenantId: state.tenantId }, 'connecting a WhatsApp number failed');
    return page({ error: 'connect_failed' });
  }
}
