import type { AppConfig } from '../config';
import type { Database } from '../db/connection';
import { openUserPhone } from '../db/crypto/sealed-columns';
import { withTenant } from '../db/tenant-transaction';
import { expireTenantTrial, markTenantTrialConverted } from '../db/tenants/tenants';
import { listActiveAdminPhones, type AdminPhone } from '../db/users/user-lists';
import { trialReminderTemplateMessage } from '../domain/platform-templates';
import type { PlatformNotifier } from '../integrations/notifications/platform-notifier';

export interface TrialActivityDeps {
  db: Database;
  notifier: PlatformNotifier;
  config: Pick<AppConfig, 'encryptionKeys'>;
}

/** The writes the trial workflow owns. Each is idempotent: a retry changes nothing twice. */
export function createTrialActivities({ db, notifier, config }: TrialActivityDeps) {
  return {
    async sendTrialReminder(input: { tenantId: string; daysLeft: number; reminderKey: string }): Promise<number> {
      const admins = await withTenant(db.app, input.tenantId, listActiveAdminPhones);
      // Rows from before phones were sealed still hold the plaintext; every newer one is sealed.
      const phoneOf = (admin: AdminPhone) => (admin.sealed ? openUserPhone(config.encryptionKeys, input.tenantId, admin.sealed) : admin.legacy!);
      const days = input.daysLeft === 1 ? '1 day' : `${input.daysLeft} days`;
      for (const admin of admins) {
        await notifier.notify({
          tenantId: input.tenantId,
          to: phoneOf(admin),
          kind: 'trial_reminder',
          body: `Your Aerostic free trial ends in ${days}. Choose a plan under Billing to keep your workspace running.`,
          idempotencyKey: `trial-reminder:${input.tenantId}:${input.reminderKey}:${admin.userId}`,
          template: trialReminderTemplateMessage(days),
        });
      }
      return admins.length;
    },

    async expireTrial(input: { tenantId: string }): Promise<void> {
      await withTenant(db.app, input.tenantId, (trx) => expireTenantTrial(trx, input.tenantId));
    },

    async markTrialConverted(input: { tenantId: string }): Promise<void> {
      await withTenant(db.app, input.tenantId, (trx) => markTenantTrialConverted(trx, input.tenantId));
    },
  };
}

export type TrialActivities = ReturnType<typeof createTrialActivities>;
