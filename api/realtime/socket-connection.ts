import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import { AppError, isAppError } from '../../domain/errors';
import type { SocketSession } from './handshake-auth';
import { parseCursor } from './handshake-auth';
import { type RelaySocket, type TenantRelay, userRoom } from './tenant-relay';

/** setTimeout's ceiling; access tokens live minutes, this only guards a misconfigured TTL. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Ack = (answer: { seq: number } | { error: { code: string; message: string } }) => void;

/**
 * One authenticated socket: its two rooms (its tenant's, joined by the relay after catch-up, and its
 * user's), the token's expiry, and `catchup`. Clients can ask for nothing else: any other event is
 * refused, and no event lets a client choose a room.
 */
export function handleConnection(socket: Socket, relay: TenantRelay, logger: Logger): void {
  const session = socket.data.session as SocketSession;
  void socket.join(userRoom(session.userId));
  const relaySocket: RelaySocket = {
    tenantId: session.tenantId,
    get connected() {
      return socket.connected;
    },
    emit: (event, data) => socket.emit(event, data),
    join: (room) => void socket.join(room),
  };

  const expiry = setTimeout(
    () => {
      relaySocket.emit('realtime.expired', { code: 'token_expired', message: 'The access token has expired; reconnect with a fresh one' });
      socket.disconnect(true);
    },
    Math.min(MAX_TIMER_MS, Math.max(0, session.expiresAt - Date.now())),
  );

  socket.on('disconnect', () => {
    clearTimeout(expiry);
    relay.detach(session.tenantId);
  });

  socket.onAny((event: string, ...args: unknown[]) => {
    if (event === 'catchup') return;
    const ack = args.at(-1);
    if (typeof ack === 'function') (ack as Ack)({ error: { code: 'forbidden', message: `"${event}" is not something a client can ask for` } });
  });

  socket.on('catchup', (cursor: unknown, ack?: Ack) => {
    const reply: Ack = typeof ack === 'function' ? ack : () => undefined;
    let lastSeq: number | undefined;
    try {
      lastSeq = parseCursor((cursor as { lastSeq?: unknown } | null)?.lastSeq ?? cursor);
      if (lastSeq === undefined) throw new AppError('validation_failed', 'catchup needs { lastSeq }');
    } catch (err) {
      return reply({ error: { code: 'validation_failed', message: (err as Error).message } });
    }
    relay.catchUp(relaySocket, lastSeq).then(
      (seq) => reply({ seq }),
      (err) => {
        logger.warn({ err: (err as Error).message }, 'realtime: catch-up failed');
        reply({ error: { code: 'unavailable', message: 'Catch-up failed; reconnect with auth.lastSeq' } });
      },
    );
  });

  relay.attach(relaySocket, session.lastSeq).catch((err) => {
    if (!socket.connected) return;
    logger.warn({ err: (err as Error).message }, 'realtime: attaching a socket failed');
    // Unattached, the socket would stay silent; closed, the client reconnects and replays from its cursor.
    relaySocket.emit('realtime.error', { code: 'unavailable', message: 'Realtime is unavailable; reconnecting' });
    socket.disconnect(true);
  });
}

/** What a refused handshake tells the client: `connect_error` with a message and `data.code`. */
export function handshakeRefusal(err: unknown, logger: Logger): Error & { data: { code: string } } {
  const known = isAppError(err) ? err : undefined;
  if (!known) logger.warn({ err: (err as Error)?.message }, 'realtime: handshake failed');
  const refusal = new Error(known?.message ?? 'Realtime is unavailable; try again') as Error & { data: { code: string } };
  refusal.data = { code: known?.code ?? 'unavailable' };
  return refusal;
}
