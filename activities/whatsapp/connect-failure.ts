import { connectErrorMessages, type ConnectFailureCode } from '../../domain/whatsapp-connect';
import { GraphError } from '../../integrations/meta/graph-client';

/** A connect attempt that failed for a reason the person can act on (bad code, scopes, number taken …). */
export class ConnectFailure extends Error {
  constructor(
    readonly code: ConnectFailureCode,
    detail?: string,
  ) {
    super(detail ? `${connectErrorMessages[code]} Meta said: ${detail}` : connectErrorMessages[code]);
    this.name = 'ConnectFailure';
  }
}

export type OnboardingStep = 'exchange' | 'debug_token' | 'phone_numbers' | 'subscribe' | 'register' | 'read_number';

/** No answer, 5xx, 429 and Meta's transient codes: worth another try. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof GraphError)) return false;
  if (err.kind !== 'graph') return true;
  return err.httpStatus >= 500 || err.httpStatus === 429 || [2, 4, 17, 341, 131000].includes(err.code ?? -1);
}

/** Meta's errors, classified once for onboarding; anything that is not a Graph error is a bug and is rethrown. */
export function classifyOnboardingError(step: OnboardingStep, err: unknown): ConnectFailure {
  if (!(err instanceof GraphError)) throw err;
  if (isTransient(err)) return new ConnectFailure('meta_unavailable');
  if (step === 'exchange') return err.code === 100 || err.code === 190 ? new ConnectFailure('invalid_code') : new ConnectFailure('meta_rejected', err.message);
  if (err.code === 190 || err.code === 102) return new ConnectFailure('token_invalid');
  if (err.code === 10 || (err.code !== undefined && err.code >= 200 && err.code <= 299)) return new ConnectFailure('missing_permissions');
  if (err.code === 100 && err.subcode === 33) return new ConnectFailure('account_not_found');
  if (err.code === 133005) return new ConnectFailure('pin_mismatch');
  return new ConnectFailure('meta_rejected', err.message);
}
