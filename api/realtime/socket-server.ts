import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import type { TRealtimeWire } from '../../domain/realtime';
import type { ApiDeps } from '../deps';
import type { BusHandlers, EventBus } from './bus/bus-message';
import { listenPostgresBus } from './bus/postgres-listener';
import { subscribeRedisBus } from './bus/redis-subscriber';
import { createEventStore } from './event-store';
import { authenticateHandshake } from './handshake-auth';
import { handleConnection, handshakeRefusal } from './socket-connection';
import { type LocalRoomEmit, TenantRelay, userRoom } from './tenant-relay';

export interface RealtimeServer {
  io: Server;
  /** Disconnects every socket and stops the bus; the HTTP server is closed by its owner. */
  close(): Promise<void>;
}

/**
 * socket.io on the API's HTTP server. Every node receives every bus event and emits it to its own
 * sockets only (`io.local`); the Redis adapter, when Redis is configured, carries what one node
 * addresses to sockets on the others (emits to a room, disconnecting a user's sockets).
 */
export async function attachRealtime(server: HttpServer, deps: ApiDeps): Promise<RealtimeServer> {
  const { config, db, logger, redis } = deps;
  const io = new Server(server, {
    serveClient: false,
    cors: { origin: config.webOrigin, allowedHeaders: ['Authorization'] },
  });
  const adapterSubscriber = redis?.duplicate();
  if (redis && adapterSubscriber) io.adapter(createAdapter(redis, adapterSubscriber));

  const emit: LocalRoomEmit = (room, event, data) => {
    io.local.to(room).emit(event, data);
    // A deactivated user's sockets close at once, not when their token expires.
    if (event === 'user.deactivated') io.local.in(userRoom((data as TRealtimeWire<'user.deactivated'>).userId)).disconnectSockets(true);
  };
  const relay = new TenantRelay(createEventStore(db.app), emit, logger);
  const handlers: BusHandlers = { onEvent: (message) => relay.onBusEvent(message), onResume: () => relay.onBusResume() };
  const bus: EventBus = redis ? await subscribeRedisBus(redis, handlers, logger) : await listenPostgresBus(config.databaseUrl, handlers, logger);

  io.use((socket, next) => {
    authenticateHandshake(config, db, { auth: socket.handshake.auth ?? {}, headers: socket.handshake.headers }).then(
      (session) => {
        socket.data.session = session;
        next();
      },
      (err) => next(handshakeRefusal(err, logger)),
    );
  });
  io.on('connection', (socket) => handleConnection(socket, relay, logger));

  return {
    io,
    async close() {
      await bus.close();
      io.local.disconnectSockets(true);
      io.engine.close();
      await io.of('/').adapter.close();
      adapterSubscriber?.disconnect();
    },
  };
}
