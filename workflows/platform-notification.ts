import { proxyActivities } from '@temporalio/workflow';
import type { PlatformNotificationActivities } from '../activities/notifications/platform-activities';
import type { PlatformDelivery } from '../activities/meta/dispatch/platform-sender';

const { deliverPlatformNotification } = proxyActivities<PlatformNotificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * One platform notification (a sign-up code) sent from the platform's WhatsApp number, retried as
 * the dispatcher decides. Started by the API, which cannot retry a send on its own.
 */
export async function platformNotificationWorkflow(input: PlatformDelivery): Promise<string | undefined> {
  return (await deliverPlatformNotification(input)).waMessageId;
}
