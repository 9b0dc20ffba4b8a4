import type { AppConfig } from '../config';
import type { Database } from '../db/connection';
import type { ActivityDeps } from '../activities';
import { createPlatformNotifier } from '../activities/notifications/platform-notifier';
import { createRazorpayClient } from '../activities/razorpay/client';

/** The one place activity dependencies are assembled, for the worker process and the test harness. */
export function createActivityDeps(config: AppConfig, db: Database): ActivityDeps {
  return {
    db,
    notifier: createPlatformNotifier(db.system),
    razorpay: createRazorpayClient(config.razorpay),
    razorpayConfig: config.razorpay,
  };
}
