import type { AppConfig } from '../config';
import type { Database } from '../db/connection';
import { openUserPhone } from '../db/crypto/sealed-columns';
import { withTenant } from '../db/tenant-transaction';
import { Tenant } from '../db/models/tenant';
import { User } from '../db/models/user';
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
      const admins = await withTenant(db.app, input.tenantId, (trx) =>
        User.query(trx)
          .where({ role: 'admin', status: 'active' })
          .where((q) => q.whereNotNull('phone_ciphertext').orWhereNotNull('phone'))
          .select('id', 'phone', 'phone_ciphertext', 'phone_key_id'),
      );
      // Rows from before phones were sealed still hold the plaintext; every newer one is sealed.
      const phoneOf = (admin: User) =>
        admin.phoneCiphertext && admin.phoneKeyId
          ? openUserPhone(config.encryptionKeys, input.tenantId, { ciphertext: admin.phoneCiphertext, keyId: admin.phoneKeyId })
          : admin.phone!;
      const days = input.daysLeft === 1 ? '1 day' : `${input.daysLeft} days`;
      for (const admin of admins) {
        await notifier.notify({
          tenantId: input.tenantId,
          to: phoneOf(admin),
          kind: 'trial_reminder',
          body: `Your Aerostic free trial ends in ${days}. Choose a plan under Billing to keep your workspace running.`,
          idempotencyKey: `trial-reminder:${input.tenantId}:${input.reminderKey}:${admin.id}`,
          template: trialReminderTemplateMessage(days),
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
