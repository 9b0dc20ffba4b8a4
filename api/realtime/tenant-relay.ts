import type { Logger } from 'pino';
import { type TPublishedEvent, type TRealtimeWire, type TRealtimeWireName, toWire } from '../../domain/realtime';
import type { EventStore, LoggedEvent } from './event-store';

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** The part of a socket.io socket the relay uses. */
export interface RelaySocket {
  readonly tenantId: string;
  readonly connected: boolean;
  emit<N extends TRealtimeWireName>(event: N, data: TRealtimeWire<N>): void;
  join(room: string): void;
}

/** Emits to a room's sockets on this node only: every node receives every bus event itself. */
export type LocalRoomEmit = <N extends TRealtimeWireName>(room: string, event: N, data: TRealtimeWire<N>) => void;

interface TenantState {
  /** The last seq emitted to this node's tenant room. */
  cursor: number;
  members: number;
  queue: Promise<void>;
}

const PAGE = 500;

/**
 * Relays a tenant's events to its room on this node in seq order, once each. All work of a tenant
 * runs in one queue, so a socket's replay and its joining the room cannot interleave with a live
 * emit: no event is missed or repeated between catch-up and live.
 */
export class TenantRelay {
  private readonly tenants = new Map<string, TenantState>();

  constructor(
    private readonly store: EventStore,
    private readonly emitToRoom: LocalRoomEmit,
    private readonly logger: Logger,
  ) {}

  /** Replays what the socket missed after `lastSeq` (if given), then joins it to the live room and says `realtime.ready`. */
  attach(socket: RelaySocket, lastSeq: number | undefined): Promise<number> {
    let state = this.tenants.get(socket.tenantId);
    if (!state) this.tenants.set(socket.tenantId, (state = { cursor: -1, members: 0, queue: Promise.resolve() }));
    state.members++;
    return this.enqueue(socket.tenantId, state, async () => {
      await this.pump(socket.tenantId, state);
      if (lastSeq !== undefined) await this.replay(socket, lastSeq, state.cursor);
      if (!socket.connected) return state.cursor;
      socket.join(tenantRoom(socket.tenantId));
      socket.emit('realtime.ready', { seq: state.cursor });
      return state.cursor;
    });
  }

  detach(tenantId: string): void {
    const state = this.tenants.get(tenantId);
    if (state && --state.members <= 0) this.tenants.delete(tenantId);
  }

  /** A connected socket asking again (e.g. after its page was asleep): replay, live continues. */
  catchUp(socket: RelaySocket, lastSeq: number): Promise<number> {
    const state = this.tenants.get(socket.tenantId);
    if (!state) return Promise.reject(new Error('socket is not attached'));
    return this.enqueue(socket.tenantId, state, async () => {
      await this.pump(socket.tenantId, state);
      await this.replay(socket, lastSeq, state.cursor);
      return state.cursor;
    });
  }

  onBusEvent(message: TPublishedEvent): void {
    const state = this.tenants.get(message.tenantId);
    if (!state) return;
    this.enqueue(message.tenantId, state, async () => {
      if (message.seq <= state.cursor) return;
      // The common case needs no read; an event that overtook another (Redis publishes after commit) does.
      if (message.prevSeq === state.cursor) this.emitLive(message.tenantId, state, message);
      else await this.pump(message.tenantId, state);
    }).catch((err) => this.logger.warn({ err: (err as Error).message, tenantId: message.tenantId }, 'realtime: relay failed'));
  }

  /** After the bus reconnects: whatever was published meanwhile is in the log. */
  onBusResume(): void {
    for (const [tenantId, state] of this.tenants) {
      this.enqueue(tenantId, state, () => this.pump(tenantId, state)).catch((err) => this.logger.warn({ err: (err as Error).message, tenantId }, 'realtime: resume failed'));
    }
  }

  private async pump(tenantId: string, state: TenantState): Promise<void> {
    if (state.cursor < 0) state.cursor = await this.store.latestSeq(tenantId);
    for (;;) {
      const page = await this.store.eventsAfter(tenantId, state.cursor, PAGE);
      for (const e of page) this.emitLive(tenantId, state, e);
      if (page.length < PAGE) return;
    }
  }

  private emitLive(tenantId: string, state: TenantState, e: LoggedEvent): void {
    this.emitToRoom(tenantRoom(tenantId), e.event, toWire(e));
    state.cursor = e.seq;
  }

  private async replay(socket: RelaySocket, lastSeq: number, upTo: number): Promise<void> {
    // A cursor past the tenant's latest seq is from before seqs were per tenant (or forged): reload.
    if (lastSeq > upTo) {
      socket.emit('realtime.resync', { seq: upTo });
      return;
    }
    if (lastSeq === upTo) return;
    if (lastSeq < (await this.store.prunedThrough(socket.tenantId))) {
      socket.emit('realtime.resync', { seq: upTo });
      return;
    }
    for (let after = lastSeq; after < upTo && socket.connected;) {
      const page = await this.store.eventsAfter(socket.tenantId, after, PAGE, upTo);
      for (const e of page) socket.emit(e.event, toWire(e));
      if (page.length === 0) return;
      after = page[page.length - 1].seq;
    }
  }

  /** Runs `work` after the tenant's earlier work; a failure rejects this call only, never the queue. */
  private enqueue<T>(tenantId: string, state: TenantState, work: () => Promise<T>): Promise<T> {
    const run = state.queue.then(() => {
      // A state dropped while this waited (last socket left) must not emit beside its successor.
      if (this.tenants.get(tenantId) !== state) throw new Error('tenant relay closed');
      return work();
    });
    state.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
