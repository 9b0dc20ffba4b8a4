import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../../config';
import { createGraphClient, type GraphRequest } from '../../integrations/meta/graph-client';
import { classifyOnboardingError, ConnectFailure, isTransient, type OnboardingStep } from './connect-failure';
import type { DebugTokenData } from './granted-waba';

/** Tries within the one onboarding activity: the whole activity cannot be retried (the code is single-use). */
const RETRY_DELAYS_MS = [300, 1_000];
const MAX_RETRY_AFTER_MS = 5_000;

export interface PhoneNumberNode {
  id: string;
  display_phone_number?: string;
  verified_name?: string;
  quality_rating?: string;
}

/** The Graph calls of Embedded Signup and Cloud API registration (EXTERNAL-APIS §1.8), errors classified. */
export function onboardingCalls(meta: AppConfig['meta']) {
  const graph = createGraphClient(meta);

  async function call<T>(step: OnboardingStep, req: GraphRequest): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await graph.request<T>(req);
      } catch (err) {
        if (!isTransient(err) || attempt >= RETRY_DELAYS_MS.length) throw classifyOnboardingError(step, err);
        const retryAfterMs = ((err as { retryAfterSeconds?: number }).retryAfterSeconds ?? 0) * 1000;
        await sleep(Math.min(MAX_RETRY_AFTER_MS, Math.max(RETRY_DELAYS_MS[attempt], retryAfterMs)));
      }
    }
  }

  return {
    async exchangeCode(code: string, redirectUri: string): Promise<string> {
      const query = { client_id: meta.appId, client_secret: meta.appSecret, redirect_uri: redirectUri, code };
      const res = await call<{ access_token?: string }>('exchange', { path: 'oauth/access_token', query });
      if (!res.access_token) throw new ConnectFailure('meta_rejected', 'the code exchange returned no access token');
      return res.access_token;
    },

    async debugToken(token: string): Promise<DebugTokenData> {
      const res = await call<{ data?: DebugTokenData }>('debug_token', { path: 'debug_token', query: { input_token: token }, token: `${meta.appId}|${meta.appSecret}` });
      return res.data ?? {};
    },

    async phoneNumbers(token: string, wabaId: string): Promise<PhoneNumberNode[]> {
      const res = await call<{ data?: PhoneNumberNode[] }>('phone_numbers', { path: `${wabaId}/phone_numbers`, token, query: { fields: 'id,display_phone_number,verified_name' } });
      return res.data ?? [];
    },

    subscribeApp: (token: string, wabaId: string) => call<unknown>('subscribe', { method: 'POST', path: `${wabaId}/subscribed_apps`, token }),

    register: (token: string, phoneNumberId: string, pin: string) =>
      call<unknown>('register', { method: 'POST', path: `${phoneNumberId}/register`, token, body: { messaging_product: 'whatsapp', pin } }),

    readNumber: (token: string, phoneNumberId: string) =>
      call<PhoneNumberNode>('read_number', { path: phoneNumberId, token, query: { fields: 'id,display_phone_number,verified_name,quality_rating' } }),
  };
}
