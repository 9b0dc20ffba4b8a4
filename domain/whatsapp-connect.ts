import type { TWhatsappAccount } from './whatsapp';

/**
 * Why connecting a number failed. The callback puts the code in `?error=` of the settings page;
 * `POST /whatsapp/cloud/init` answers with the API error `whatsapp_<code>`.
 */
export const connectFailureCodes = [
  'invalid_code',
  'missing_permissions',
  'token_invalid',
  'account_not_found',
  'no_phone_number',
  'number_taken',
  'pin_mismatch',
  'meta_rejected',
  'meta_unavailable',
] as const;
export type ConnectFailureCode = (typeof connectFailureCodes)[number];

/** Outcomes the callback page can show besides the failures above. */
export type ConnectPageError = ConnectFailureCode | 'invalid_state' | 'access_denied' | 'invalid_request' | 'connect_failed';

export const whatsappErrorStatus = {
  whatsapp_invalid_code: 422,
  whatsapp_missing_permissions: 422,
  whatsapp_token_invalid: 422,
  whatsapp_account_not_found: 422,
  whatsapp_no_phone_number: 422,
  whatsapp_number_taken: 409,
  whatsapp_pin_mismatch: 422,
  whatsapp_meta_rejected: 422,
  whatsapp_meta_unavailable: 502,
} as const satisfies Record<`whatsapp_${ConnectFailureCode}`, number>;

/** Plain-language copy for each outcome, shared by the API's error messages and the settings page. */
export const connectErrorMessages: Record<ConnectPageError, string> = {
  invalid_code: 'Meta did not accept the sign-in (the code was used or has expired). Please connect again.',
  missing_permissions: 'Aerostic needs both WhatsApp permissions (manage the account and send messages) for this WhatsApp Business Account. Connect again and keep both selected.',
  token_invalid: 'Meta did not accept this access token: it is invalid, expired or revoked. Create a new one and try again.',
  account_not_found: 'That WhatsApp Business Account or phone number was not found, or the token cannot access it.',
  no_phone_number: 'The WhatsApp Business Account has no phone number yet. Add one in Meta Business Manager and connect again.',
  number_taken: 'This phone number is already connected to another Aerostic workspace.',
  pin_mismatch: 'The number has two-step verification with a different PIN. Enter its PIN, or turn two-step verification off in WhatsApp Manager.',
  meta_rejected: 'Meta refused to set up this number.',
  meta_unavailable: 'Meta is not answering right now. Please try again in a few minutes.',
  invalid_state: 'This connection link is invalid, expired or was already used. Start again with "Connect WhatsApp".',
  access_denied: 'The connection was cancelled in the Meta window.',
  invalid_request: 'Meta sent back an incomplete answer. Please connect again.',
  connect_failed: 'Something went wrong while connecting the number. Please try again.',
};

/** Credentials travel sealed (AES-GCM, tenant-bound): workflow history must never hold a token. */
export interface SealedValue {
  ciphertext: string;
  keyId: string;
}

/** What the sealed credential holds: the OAuth code of Embedded Signup, or a token (and PIN) given directly. */
export interface ConnectSecrets {
  code?: string;
  accessToken?: string;
  pin?: string;
}

export interface ConnectWhatsappInput {
  tenantId: string;
  userId: string;
  /** The dialog's redirect_uri, which the code exchange must repeat; absent with a token. */
  redirectUri?: string;
  /** From the FINISH event or the form; discovered through the token's scopes when absent. */
  wabaId?: string;
  phoneNumberId?: string;
  secrets: SealedValue;
}

export type ConnectOutcome = { ok: true; account: TWhatsappAccount } | { ok: false; error: ConnectFailureCode; message: string };
