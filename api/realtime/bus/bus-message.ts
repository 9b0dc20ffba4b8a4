import { type TPublishedEvent, ZPublishedEventSchema } from '../../../domain/realtime';

export interface BusHandlers {
  onEvent(message: TPublishedEvent): void;
  /** After a (re)connection: anything published meanwhile was missed, so relays re-read the log. */
  onResume(): void;
}

export interface EventBus {
  close(): Promise<void>;
}

export function parseBusMessage(raw: string): TPublishedEvent | undefined {
  try {
    const parsed = ZPublishedEventSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
