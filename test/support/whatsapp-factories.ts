import { randomInt } from 'node:crypto';
import { sealWhatsappToken } from '../../db/crypto/sealed-columns';
import { withTenant } from '../../db/tenant-transaction';
import type { TestApp } from './harness';

/**
 * A number connected the way Embedded Signup leaves it (registered, app subscribed, token sealed),
 * without driving the OAuth dialog: for tests about messaging rather than onboarding.
 */
export async function connectTestNumber(app: TestApp, tenantId: string) {
  const account = app.meta.createAccount({ phoneNumberId: String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100_000, 999_999)) });
  const sealed = sealWhatsappToken(app.config.encryptionKeys, tenantId, account.token);
  await withTenant(app.db.app, tenantId, (trx) =>
    trx('whatsapp_accounts').insert({
      tenant_id: tenantId,
      waba_id: account.wabaId,
      phone_number_id: account.phoneNumberId,
      display_phone_number: account.displayPhoneNumber,
      verified_name: account.verifiedName,
      status: 'connected',
      is_default: true,
      access_token_ciphertext: sealed.ciphertext,
      access_token_key_id: sealed.keyId,
    }),
  );
  return account;
}

export function customerWaId(): string {
  return `9198${randomInt(10_000_000, 99_999_999)}`;
}
