import {
  ZOutboxResponseSchema,
  ZSandboxInfoResponseSchema,
  ZSandboxOtpResponseSchema,
  type TOutboxResponse,
  type TSandboxInfoResponse,
  type TSandboxOtpResponse,
} from '@domain/sandbox';
import { apiClient } from './client';

/** Only answers in sandbox mode; elsewhere the route does not exist. */
export function fetchOutbox(to: string): Promise<TOutboxResponse> {
  return apiClient.request('GET', '/sandbox/outbox', { schema: ZOutboxResponseSchema, query: { to }, auth: false });
}

/** The outbox as a page a person reads (a browser opening /sandbox/outbox lands there too). */
export function outboxPageUrl(to: string): string {
  return `/outbox?to=${encodeURIComponent(to)}`;
}

/** The newest sign-up code sent to a phone; 404 outside sandbox mode. */
export function fetchSandboxOtp(to: string): Promise<TSandboxOtpResponse> {
  return apiClient.request('GET', '/sandbox/otp', { schema: ZSandboxOtpResponseSchema, query: { to }, auth: false });
}

/** The Meta simulator's URL and the workspace's connected numbers; 404 outside sandbox mode. */
export function fetchSandboxInfo(): Promise<TSandboxInfoResponse> {
  return apiClient.get('/sandbox/info', ZSandboxInfoResponseSchema);
}
