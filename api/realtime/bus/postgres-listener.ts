import pg from 'pg';
import type { Logger } from 'pino';
import { REALTIME_CHANNEL } from '../../../infra/realtime/publish-event';
import { type BusHandlers, type EventBus, parseBusMessage } from './bus-message';

const MAX_BACKOFF_MS = 5_000;

/**
 * The bus through Postgres LISTEN on a dedicated owner connection (a pooled one would be handed
 * back and lose its LISTEN). A lost or refused connection is retried with backoff until closed.
 */
export async function listenPostgresBus(databaseUrl: string, handlers: BusHandlers, logger: Logger): Promise<EventBus> {
  let current: pg.Client | undefined;
  let closed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (current === client) current = undefined;
      client.end().catch(() => undefined);
      if (closed) return;
      logger.warn({ err: err?.message }, 'realtime: lost the LISTEN connection; reconnecting');
      scheduleReconnect();
    };
    client.on('notification', (note) => {
      if (note.channel !== REALTIME_CHANNEL || !note.payload) return;
      const message = parseBusMessage(note.payload);
      if (message) handlers.onEvent(message);
      else logger.warn('realtime: ignored a malformed bus message');
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${REALTIME_CHANNEL}`);
    } catch (err) {
      onLost(err as Error);
      throw err;
    }
    if (closed) return void client.end().catch(() => undefined);
    current = client;
    failures = 0;
    handlers.onResume();
  };

  const scheduleReconnect = () => {
    if (retryTimer) return;
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures++);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().catch(() => undefined);
    }, delay);
  };

  // The API starts while Postgres is down (/readyz reports it); the bus then keeps trying.
  await connect().catch(() => undefined);
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await current?.end().catch(() => undefined);
    },
  };
}
