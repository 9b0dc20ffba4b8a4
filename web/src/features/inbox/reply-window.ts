import { WINDOW_MS } from '@domain/conversation';

/** Milliseconds left in WhatsApp's 24-hour customer-service window (0 when closed or never opened). */
export function windowRemainingMs(lastInboundAt: string | null, now: number): number {
  if (!lastInboundAt) return 0;
  return Math.max(0, Date.parse(lastInboundAt) + WINDOW_MS - now);
}

/** "23h 05m", or "12m" in the last hour, "<1m" at the very end. */
export function formatRemaining(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return '<1m';
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
}
