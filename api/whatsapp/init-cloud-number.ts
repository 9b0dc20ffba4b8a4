import { randomUUID } from 'node:crypto';
import { sealConnectSecrets } from '../../db/crypto/connect-secrets';
import { AppError } from '../../domain/errors';
import type { TCloudInit, TWhatsappAccount } from '../../domain/whatsapp';
import type { AuthPrincipal } from '../auth/principal';
import type { ApiDeps } from '../deps';
import { whatsappConnectActor } from '../../actors/whatsapp-connect';

/** Registers a Cloud API number with a token from Business Manager, through the same checks as Embedded Signup. */
export async function initCloudNumber(deps: ApiDeps, auth: AuthPrincipal, body: TCloudInit): Promise<TWhatsappAccount> {
  const outcome = await whatsappConnectActor(deps).run(randomUUID(), {
    tenantId: auth.tenantId,
    userId: auth.userId,
    wabaId: body.wabaId,
    phoneNumberId: body.phoneNumberId,
    secrets: sealConnectSecrets(deps.config.encryptionKeys, auth.tenantId, { accessToken: body.accessToken, pin: body.pin }),
  });
  if (outcome === 'replayed') throw new AppError('conflict', 'This request is already being processed');
  if (!outcome.ok) throw new AppError(`whatsapp_${outcome.error}`, outcome.message);
  return outcome.account;
}
