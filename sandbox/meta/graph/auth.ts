import type { PhoneNumber, SimStore, TokenRecord, Waba } from '../state/store';
import { nowSeconds } from '../state/ids';
import { param, type SimContext } from './context';
import { GraphError } from './errors';

/** The token from `Authorization: Bearer|OAuth <token>` or an `access_token` parameter, as Graph accepts either. */
export function presentedToken(ctx: SimContext): string | undefined {
  const header = ctx.get('authorization');
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim() || param(ctx, 'access_token');
}

export function lookupToken(store: SimStore, token: string | undefined): TokenRecord {
  // A missing token is answered like an unusable one (190/401), which is what the app's error handling keys on.
  if (!token) throw GraphError.invalidToken('An access token is required to request this resource.');
  const record = store.tokens.get(token);
  if (!record) throw GraphError.invalidToken();
  if (record.expiresAt !== undefined && record.expiresAt <= nowSeconds()) throw GraphError.expiredToken(new Date(record.expiresAt * 1000));
  return record;
}

export function requireToken(ctx: SimContext, store: SimStore): TokenRecord {
  return lookupToken(store, presentedToken(ctx));
}

export function canUseWaba(token: TokenRecord, wabaId: string): boolean {
  return token.wabaIds === 'all' || token.wabaIds.includes(wabaId);
}

/** The WABA, or Graph's "does not exist or no permission" error — the two are indistinguishable on purpose. */
export function wabaFor(ctx: SimContext, store: SimStore, token: TokenRecord, wabaId: string): Waba {
  const waba = store.wabas.get(wabaId);
  if (!waba || !canUseWaba(token, wabaId)) throw GraphError.unknownObject(ctx.method, wabaId);
  return waba;
}

export function phoneFor(ctx: SimContext, store: SimStore, token: TokenRecord, phoneNumberId: string): PhoneNumber {
  const phone = store.phones.get(phoneNumberId);
  if (!phone || !canUseWaba(token, phone.wabaId)) throw GraphError.unknownObject(ctx.method, phoneNumberId);
  return phone;
}
