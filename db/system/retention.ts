import type { Knex } from 'knex';

/**
 * What the platform keeps about people who never asked to be remembered: the bodies of the
 * notifications it sent (codes, links, reminders) and the sign-up challenges. Both are useful for a
 * day (the sandbox outbox, the per-phone daily attempt budget) and then deleted.
 */
export const NOTIFICATION_RETENTION = '24 hours';

export async function prunePlatformNotifications(system: Knex, retention = NOTIFICATION_RETENTION): Promise<{ notifications: number; challenges: number }> {
  const notifications = await system('platform_notifications')
    .where('created_at', '<', system.raw('now() - ?::interval', [retention]))
    .delete();
  const challenges = await system('otp_challenges')
    .where('created_at', '<', system.raw('now() - ?::interval', [retention]))
    .delete();
  return { notifications, challenges };
}
