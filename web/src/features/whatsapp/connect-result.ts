import { connectErrorMessages, type ConnectPageError } from '@domain/whatsapp-connect';

export type ConnectResult = { connected: true } | { connected: false; error: string };

/** The message type the popup sends its opener; only same-origin messages of this type are read. */
export const CONNECT_MESSAGE = 'aerostic:whatsapp-connect';

/** `?connected=1` or `?error=<code>` as /meta/callback leaves them on this page. */
export function resultFromSearch(search: string): ConnectResult | null {
  const params = new URLSearchParams(search);
  if (params.get('connected') === '1') return { connected: true };
  const error = params.get('error');
  return error ? { connected: false, error } : null;
}

export function resultMessage(result: ConnectResult): string {
  if (result.connected) return 'Your WhatsApp number is connected.';
  return connectErrorMessages[result.error as ConnectPageError] ?? connectErrorMessages.connect_failed;
}

export function isConnectMessage(data: unknown): data is { type: typeof CONNECT_MESSAGE; result: ConnectResult } {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === CONNECT_MESSAGE;
}
