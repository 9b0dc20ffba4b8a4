import { io, type Socket } from 'socket.io-client';
import { type TRealtimePayload, ZRealtimeWireSchemas } from '@domain/realtime';
import { apiClient } from './client';

/** The tenant events the page reacts to (`contact.created` and `user.deactivated` it leaves alone). */
const LISTENED = ['message.new', 'message.status', 'conversation.updated', 'contact.consent', 'label.changed', 'canned_response.changed', 'subscription.updated'] as const;
type Listened = (typeof LISTENED)[number];

/** What the API relays (ids only; the page re-reads what changed), plus `resync` when events may have been missed. */
export type RealtimeEvent = { [N in Listened]: { event: N } & TRealtimePayload<N> }[Listened] | { event: 'resync' };

export type RealtimeStatus = 'connecting' | 'live' | 'offline';

/** Handshake refusals a fresh access token can fix; any other refusal (blocked workspace …) ends the connection. */
const TOKEN_CODES = new Set(['token_expired', 'token_invalid', 'unauthenticated']);
const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

/**
 * One socket per page, shared by every subscriber. It remembers the last event's `seq` and hands it to
 * the server on each reconnect, so events missed while offline are replayed in order (DESIGN, realtime).
 */
class RealtimeConnection {
  private socket: Socket | null = null;
  private lastSeq: number | undefined;
  private status: RealtimeStatus = 'offline';
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(e: RealtimeEvent) => void>();
  private readonly statusListeners = new Set<(s: RealtimeStatus) => void>();

  subscribe(listener: (e: RealtimeEvent) => void): () => void {
    this.listeners.add(listener);
    clearTimeout(this.stopTimer);
    if (!this.socket) this.start();
    return () => {
      this.listeners.delete(listener);
      // Deferred: a remount (StrictMode, navigation between inbox views) keeps the same socket.
      if (this.listeners.size === 0) this.stopTimer = setTimeout(() => this.stop(), 1_000);
    };
  }

  onStatus(listener: (s: RealtimeStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  private start(): void {
    const socket = io({
      transports: ['websocket'],
      // Read on every (re)connect: the current token and the cursor to replay from.
      auth: (cb) => cb({ token: apiClient.token ?? '', ...(this.lastSeq !== undefined ? { lastSeq: this.lastSeq } : {}) }),
    });
    this.socket = socket;
    this.setStatus('connecting');
    socket.on('realtime.ready', (data: unknown) => {
      const hadCursor = this.lastSeq !== undefined;
      const ready = ZRealtimeWireSchemas['realtime.ready'].safeParse(data);
      if (ready.success) this.lastSeq = ready.data.seq;
      this.failures = 0;
      this.setStatus('live');
      // Without a cursor, events between the page's first reads and joining the room were not replayed.
      if (!hadCursor) this.emit({ event: 'resync' });
    });
    socket.on('realtime.resync', (data: unknown) => {
      const parsed = ZRealtimeWireSchemas['realtime.resync'].safeParse(data);
      if (parsed.success) this.lastSeq = parsed.data.seq;
      this.emit({ event: 'resync' });
    });
    for (const name of LISTENED) {
      socket.on(name, (data: unknown) => {
        const parsed = ZRealtimeWireSchemas[name].safeParse(data);
        if (!parsed.success) return;
        const { seq, ...payload } = parsed.data;
        this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
        this.emit({ event: name, ...payload } as RealtimeEvent);
      });
    }
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      const code = err.data?.code;
      if (code && !TOKEN_CODES.has(code) && code !== 'unavailable') return this.setStatus('offline');
      this.setStatus('connecting');
      // socket.io retries transport failures itself; a refused handshake it leaves to us.
      if (!socket.active) this.retry(code !== undefined && TOKEN_CODES.has(code));
    });
    socket.on('disconnect', (reason) => {
      if (this.socket !== socket) return;
      this.setStatus('connecting');
      // The server closed it (token expired, relay trouble): come back with a fresh token and the cursor.
      if (reason === 'io server disconnect') this.retry(true);
    });
  }

  private retry(refreshToken: boolean): void {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    const delay = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(async () => {
      if (this.socket !== socket || !socket) return;
      if (refreshToken && !(await apiClient.refresh().catch(() => null))) return this.setStatus('offline');
      if (this.socket === socket) socket.connect();
    }, delay);
  }

  private stop(): void {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    this.lastSeq = undefined;
    this.failures = 0;
    socket?.disconnect();
    this.setStatus('offline');
  }

  private emit(event: RealtimeEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private setStatus(status: RealtimeStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}

export const realtime = new RealtimeConnection();
