import type { Database } from '../db/connection';
import { withTenant } from '../db/tenant-transaction';
import { Tenant } from '../db/models/tenant';
import { User } from '../db/models/user';
import type { PlatformNotifier } from './notifications/platform-notifier';

export interface TrialActivityDeps {
  db: Database;
  notifier: PlatformNotifier;
}

/** The writes the trial workflow owns. Each is idempotent: a retry changes nothing twice. */
export function createTrialActivities({ db, notifier }: TrialActivityDeps) {
  return {
    async sendTrialReminder(input: { tenantId: string; daysLeft: number; reminderKey: string }): Promise<number> {
      const admins = await withTenant(db.app, input.tenantId, (trx) =>
        User.query(trx).where({ role: 'admin', status: 'active' }).whereNotNull('phone').select('id', 'phone'),
      );
      const days = input.daysLeft === 1 ? '1 day' : `${input.daysLeft} days`;
      for (const admin of admins) {
        await notifier.notify({
          tenantId: input.tenantId,
          to: admin.phone!,
          kind: 'trial_reminder',
          body: `Your Aerostic free trial ends in ${days}. Choose a plan under Billing to keep your workspace running.`,
          idempotencyKey: `trial-reminder:${input.tenantId}:${input.reminderKey}:${admin.id}`,
        });
      }
      return admins.length;
    },

    async expireTrial(input: { tenantId: string }): Promise<void> {
      await withTenant(db.app, input.tenantId, (trx) =>
        Tenant.query(trx).where({ id: input.tenantId, trial_active: true }).patch({ trialActive: false, trialExpiredAt: new Date() }),
      );
    },

    async markTrialConverted(input: { tenantId: string }): Promise<void> {
      await withTenant(db.app, input.tenantId, (trx) =>
        Tenant.query(trx).where({ id: input.tenantId }).whereNull('trial_converted_at').patch({ trialConvertedAt: new Date(), trialActive: false }),
      );
    },
  };
}

export type TrialActivities = ReturnType<typeof createTrialActivities>;
