import type { CreateAccountInput, SimAccount, SimAccountSummary } from '../types';
import { newGraphId } from './ids';
import type { PhoneNumber, SimStore } from './store';

export function summaryOf(store: SimStore, appId: string, phone: PhoneNumber): SimAccountSummary {
  const waba = store.wabas.get(phone.wabaId)!;
  return {
    businessId: waba.businessId,
    wabaId: waba.id,
    wabaName: waba.name,
    phoneNumberId: phone.id,
    displayPhoneNumber: phone.displayPhoneNumber,
    verifiedName: phone.verifiedName,
    registered: phone.registered,
    subscribed: waba.subscriptions.has(appId),
  };
}

/** A ready-to-use account for tests: WABA + number (registered, app subscribed, by default) + a token scoped to it. */
export function createAccount(store: SimStore, appId: string, input: CreateAccountInput = {}): SimAccount {
  if (input.phoneNumberId && store.phones.has(input.phoneNumberId)) throw new Error(`phone number ${input.phoneNumberId} already exists`);
  const waba = (input.wabaId && store.wabas.get(input.wabaId)) || store.createWaba({ id: input.wabaId, name: input.wabaName ?? input.verifiedName });
  const phone = store.createPhone(waba.id, {
    id: input.phoneNumberId,
    displayPhoneNumber: input.displayPhoneNumber,
    verifiedName: input.verifiedName,
    registered: input.registered ?? true,
  });
  if (input.subscribed ?? true) waba.subscriptions.set(appId, {});
  const existing = input.token ? store.tokens.get(input.token) : undefined;
  if (existing) {
    if (existing.wabaIds !== 'all' && !existing.wabaIds.includes(waba.id)) existing.wabaIds.push(waba.id);
    return { ...summaryOf(store, appId, phone), token: existing.token };
  }
  const token = store.issueToken({ token: input.token, kind: 'business', wabaIds: [waba.id], userId: newGraphId() });
  return { ...summaryOf(store, appId, phone), token: token.token };
}
