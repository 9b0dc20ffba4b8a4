import type { Knex } from 'knex';
import { recordPlatformNotification, type PlatformNotification } from '../../db/system/platform-outbox';
import type { PlatformTemplateMessage } from '../../domain/platform-templates';

/**
 * How the platform reaches a person on its own behalf (sign-up codes, trial reminders). Every
 * notification is recorded once under its idempotency key (the sandbox outbox reads that record);
 * one with a template is then handed to `deliver`, which sends it from the platform's WhatsApp
 * number through the dispatcher (see activities/meta/dispatch/platform-sender.ts). Without a
 * platform number there is no `deliver`, and the record is all there is.
 */
export interface PlatformNotifier {
  notify(notification: PlatformNotification & { template?: PlatformTemplateMessage }): Promise<{ recorded: boolean }>;
}

export type PlatformDeliver = (delivery: { idempotencyKey: string; to: string; template: PlatformTemplateMessage }) => Promise<unknown>;

export function createPlatformNotifier(system: Knex, deliver?: PlatformDeliver): PlatformNotifier {
  return {
    async notify({ template, ...notification }) {
      const recorded = await recordPlatformNotification(system, notification);
      // Also when already recorded: a retry must finish a delivery an earlier attempt left undone.
      if (template && deliver) await deliver({ idempotencyKey: notification.idempotencyKey, to: notification.to, template });
      return { recorded };
    },
  };
}
