import type { PlatformDelivery, PlatformSender } from '../meta/dispatch/platform-sender';

export interface PlatformNotificationActivities {
  deliverPlatformNotification(input: PlatformDelivery): Promise<{ waMessageId?: string }>;
}

export function createPlatformNotificationActivities({ platformSender }: { platformSender: PlatformSender }): PlatformNotificationActivities {
  return { deliverPlatformNotification: (input) => platformSender.deliver(input) };
}
