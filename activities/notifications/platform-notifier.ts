import type { Knex } from 'knex';
import { recordPlatformNotification, type PlatformNotification } from '../../db/system/platform-outbox';

/**
 * How the platform reaches a person on its own behalf (sign-up codes, trial reminders). Every
 * notification is recorded once under its idempotency key; in sandbox mode that record is the
 * delivery (read at `GET /sandbox/outbox`). Delivery over the platform's own WhatsApp number
 * goes through the Meta dispatcher once it exists, reading the same ledger.
 */
export interface PlatformNotifier {
  notify(notification: PlatformNotification): Promise<{ recorded: boolean }>;
}

export function createPlatformNotifier(system: Knex): PlatformNotifier {
  return {
    async notify(notification) {
      return { recorded: await recordPlatformNotification(system, notification) };
    },
  };
}
