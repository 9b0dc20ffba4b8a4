import { createAiActivities, type AiActivityDeps } from './ai';
import { createBillingActivities, type BillingDeps } from './billing';
import { createConversationActivities, type ConversationActivityDeps } from './conversations';
import { createMediaActivities, type MediaActivityDeps } from './media';
import type { DispatchActivities } from './meta/dispatch/activity';
import { createMetricsActivities } from './metrics';
import { createPlatformNotificationActivities } from './notifications/platform-activities';
import type { PlatformSender } from './meta/dispatch/platform-sender';
import { createTrialActivities, type TrialActivityDeps } from './trial';
import { createWhatsappActivities, type WhatsappActivityDeps } from './whatsapp';

export type ActivityDeps = TrialActivityDeps &
  BillingDeps &
  WhatsappActivityDeps &
  ConversationActivityDeps &
  MediaActivityDeps &
  AiActivityDeps & { dispatcher: DispatchActivities; platformSender: PlatformSender };

/** Every activity the workers register, built from explicit dependencies (no singletons). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTrialActivities(deps),
    ...createBillingActivities(deps),
    ...createMetricsActivities(deps),
    ...createConversationActivities(deps),
    dispatchMessage: deps.dispatcher.dispatchMessage,
    markReadAtMeta: deps.dispatcher.markReadAtMeta,
    ...createWhatsappActivities(deps),
    ...createMediaActivities(deps),
    ...createAiActivities(deps),
    ...createPlatformNotificationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
