import { ZOutboxResponseSchema, ZSandboxInfoResponseSchema, type TOutboxResponse, type TSandboxInfoResponse } from '@domain/sandbox';
import { apiClient } from './client';

/** Only answers in sandbox mode; elsewhere the route does not exist. */
export function fetchOutbox(to: string): Promise<TOutboxResponse> {
  return apiClient.request('GET', '/sandbox/outbox', { schema: ZOutboxResponseSchema, query: { to }, auth: false });
}

export function outboxUrl(to: string): string {
  return `/sandbox/outbox?to=${encodeURIComponent(to)}`;
}

/** The Meta simulator's URL and the workspace's connected numbers; 404 outside sandbox mode. */
export function fetchSandboxInfo(): Promise<TSandboxInfoResponse> {
  return apiClient.get('/sandbox/info', ZSandboxInfoResponseSchema);
}
