import type { DeliveryStatus } from '../../../domain/messages';

type Flush = (tenantId: string, phoneNumberId: string, statuses: DeliveryStatus[]) => Promise<void>;

/**
 * Gathers the statuses of concurrent webhooks for one number for a few milliseconds and hands them to
 * the channel workflow as one signal (DESIGN §1). Every webhook request waits for the flush that
 * carries its statuses, so none is acknowledged before it is durable.
 */
export class StatusCoalescer {
  private readonly open = new Map<string, { statuses: DeliveryStatus[]; flushed: Promise<void> }>();

  constructor(
    private readonly flush: Flush,
    private readonly windowMs = 50,
  ) {}

  add(tenantId: string, phoneNumberId: string, statuses: DeliveryStatus[]): Promise<void> {
    const key = `${tenantId}:${phoneNumberId}`;
    let batch = this.open.get(key);
    if (!batch) {
      const fresh: { statuses: DeliveryStatus[]; flushed: Promise<void> } = { statuses: [], flushed: Promise.resolve() };
      fresh.flushed = new Promise<void>((resolve) => setTimeout(resolve, this.windowMs)).then(() => {
        this.open.delete(key);
        return this.flush(tenantId, phoneNumberId, fresh.statuses);
      });
      this.open.set(key, fresh);
      batch = fresh;
    }
    batch.statuses.push(...statuses);
    return batch.flushed;
  }
}
