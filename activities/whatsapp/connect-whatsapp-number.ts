import type { TWhatsappAccount } from '../../domain/whatsapp';
import type { ConnectOutcome, ConnectWhatsappInput } from '../../domain/whatsapp-connect';
import { openConnectSecrets } from '../../db/crypto/connect-secrets';
import { seal } from '../../db/crypto/field-encryption';
import { whatsappTokenAad } from '../../db/crypto/sealed-columns';
import { isUniqueViolation } from '../../db/errors';
import { insertAuditLog } from '../../db/audit/audit-log';
import { findAccountByPhoneNumberId } from '../../db/system/whatsapp-accounts';
import { PHONE_NUMBER_TAKEN_CONSTRAINT, saveConnectedAccount, toWhatsappAccount } from '../../db/whatsapp/accounts';
import { withTenant } from '../../db/tenant-transaction';
import { ConnectFailure } from './connect-failure';
import { chosenPhoneNumber, grantedWaba } from './granted-waba';
import { onboardingCalls } from './onboarding-calls';
import { registrationPin } from './registration-pin';
import type { WhatsappActivityDeps } from './whatsapp-deps';

/**
 * Connects a WhatsApp number end to end in one activity, because every step needs the token and
 * the token must never leave this function except sealed into the database: the answer carries
 * only the account's public fields. Failures a person can act on come back as values.
 */
export async function connectWhatsappNumber(deps: WhatsappActivityDeps, input: ConnectWhatsappInput): Promise<ConnectOutcome> {
  try {
    return { ok: true, account: await connect(deps, input) };
  } catch (err) {
    if (err instanceof ConnectFailure) return { ok: false, error: err.code, message: err.message };
    throw err;
  }
}

async function connect(deps: WhatsappActivityDeps, input: ConnectWhatsappInput): Promise<TWhatsappAccount> {
  const { meta, encryptionKeys, blindIndexKey } = deps.whatsapp;
  const secrets = openConnectSecrets(encryptionKeys, input.tenantId, input.secrets);
  const graph = onboardingCalls(meta);

  const token = secrets.accessToken ?? (await graph.exchangeCode(secrets.code ?? '', input.redirectUri ?? ''));
  const wabaId = grantedWaba(await graph.debugToken(token), input.wabaId);
  const phoneNumberId = chosenPhoneNumber(await graph.phoneNumbers(token, wabaId), input.phoneNumberId);
  // Refused before anything changes at Meta; the unique index catches a race with another workspace.
  const owner = await findAccountByPhoneNumberId(deps.db.system, phoneNumberId);
  if (owner && owner.tenantId !== input.tenantId) throw new ConnectFailure('number_taken');

  await graph.subscribeApp(token, wabaId);
  await graph.register(token, phoneNumberId, secrets.pin ?? registrationPin(blindIndexKey, phoneNumberId));
  const number = await graph.readNumber(token, phoneNumberId);

  try {
    const row = await withTenant(deps.db.app, input.tenantId, async (trx) => {
      const saved = await saveConnectedAccount(trx, input.tenantId, {
        wabaId,
        phoneNumberId,
        displayPhoneNumber: number.display_phone_number ?? phoneNumberId,
        verifiedName: number.verified_name ?? null,
        qualityRating: number.quality_rating ?? null,
        token: seal(encryptionKeys, token, whatsappTokenAad(input.tenantId)),
      });
      await insertAuditLog(trx, {
        tenantId: input.tenantId,
        actorUserId: input.userId,
        action: 'whatsapp.connected',
        targetType: 'whatsapp_account',
        targetId: saved.id,
        metadata: { wabaId, phoneNumberId, via: secrets.code ? 'embedded_signup' : 'cloud_api' },
      });
      return saved;
    });
    return toWhatsappAccount(row);
  } catch (err) {
    if (isUniqueViolation(err, PHONE_NUMBER_TAKEN_CONSTRAINT)) throw new ConnectFailure('number_taken');
    throw err;
  }
}
