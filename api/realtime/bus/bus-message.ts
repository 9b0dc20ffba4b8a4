import { z } from 'zod';
import { realtimeEventNames, type PublishedEvent } from '../../../infra/realtime/publish-event';

const ZBusMessageSchema = z.object({
  tenantId: z.string().uuid(),
  event: z.enum(realtimeEventNames),
  payload: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  seq: z.number().int().positive(),
  prevSeq: z.number().int().nonnegative(),
});

export interface BusHandlers {
  onEvent(message: PublishedEvent): void;
  /** After a (re)connection: anything published meanwhile was missed, so relays re-read the log. */
  onResume(): void;
}

export interface EventBus {
  close(): Promise<void>;
}

export function parseBusMessage(raw: string): PublishedEvent | undefined {
  try {
    const parsed = ZBusMessageSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
