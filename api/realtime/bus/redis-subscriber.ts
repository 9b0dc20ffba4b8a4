import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { REALTIME_CHANNEL } from '../../../infra/realtime/publish-event';
import { type BusHandlers, type EventBus, parseBusMessage } from './bus-message';

/** The bus through Redis pub/sub, on a connection of its own (a subscribed connection can do nothing else). */
export async function subscribeRedisBus(redis: Redis, handlers: BusHandlers, logger: Logger): Promise<EventBus> {
  const subscriber = redis.duplicate();
  subscriber.on('message', (channel: string, raw: string) => {
    if (channel !== REALTIME_CHANNEL) return;
    const message = parseBusMessage(raw);
    if (message) handlers.onEvent(message);
    else logger.warn({ channel }, 'realtime: ignored a malformed bus message');
  });
  subscriber.on('error', (err: Error) => logger.warn({ err: err.message }, 'realtime: redis subscriber error'));
  let subscribed = false;
  const subscribe = () =>
    subscriber.subscribe(REALTIME_CHANNEL).then(
      () => void (subscribed = true),
      (err: Error) => logger.warn({ err: err.message }, 'realtime: subscribing to the bus failed; retrying on reconnect'),
    );
  await subscribe();
  // ioredis resubscribes by itself after a reconnect; what was published in between is in the log.
  subscriber.on('ready', () => {
    if (!subscribed) void subscribe();
    handlers.onResume();
  });
  return {
    async close() {
      subscriber.removeAllListeners('ready');
      subscriber.disconnect();
    },
  };
}
