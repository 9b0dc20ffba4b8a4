import { ZOutboxResponseSchema, type TOutboxResponse } from '../../../domain/sandbox';
import { apiClient } from './client';

/** Only answers in sandbox mode; elsewhere the route does not exist. */
export function fetchOutbox(to: string): Promise<TOutboxResponse> {
  return apiClient.request('GET', '/sandbox/outbox', { schema: ZOutboxResponseSchema, query: { to }, auth: false });
}

export function outboxUrl(to: string): string {
  return `/sandbox/outbox?to=${encodeURIComponent(to)}`;
}
