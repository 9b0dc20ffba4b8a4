import { isApiError } from '../../api/api-error';

/** Plain-language copy for the codes a person is likely to meet; anything else shows the API's message. */
const friendly: Record<string, string> = {
  validation_failed: 'Some fields need your attention.',
  email_taken: 'An account with this email already exists.',
  workspace_taken: 'That workspace name is already taken.',
  otp_invalid: "That code isn't right. Check the latest code we sent and try again.",
  otp_expired: 'That code has expired. Send a new code and try again.',
  otp_locked: 'Too many wrong codes. Please wait a few minutes, then send a new code.',
  otp_budget_exhausted: 'Too many wrong codes for this phone today. Please try again tomorrow.',
  link_invalid: 'This link is invalid, expired or already used. Ask for a new one.',
  rate_limited: 'Too many attempts. Please wait a minute and try again.',
  invalid_credentials: 'That email and password do not match an account.',
  account_deactivated: 'This account has been deactivated. Ask your workspace admin to reactivate it.',
  subscription_required: 'Your workspace needs an active plan to do this.',
  forbidden: 'You do not have permission to do this.',
  window_closed: 'The 24-hour reply window has closed. Send an approved template instead.',
  contact_opted_out: 'This customer opted out (STOP). They can send START to hear from you again.',
  no_whatsapp_number: 'Connect a WhatsApp number under Settings → WhatsApp first.',
  limit_reached: 'Your plan’s monthly limit is used up. Upgrade under Billing to keep sending.',
  internal_error: 'Something went wrong on our side. Please try again.',
  unavailable: 'Aerostic is temporarily unavailable. Please try again shortly.',
};

export function describeError(err: unknown): string {
  if (isApiError(err)) {
    return friendly[err.code] ?? err.message;
  }
  return 'Something went wrong. Please try again.';
}
