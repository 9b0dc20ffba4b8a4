export { trialWorkflow } from './trial';
export { subscriptionWorkflow } from './subscription';
export { dailyMetricsRollupWorkflow } from './daily-metrics';
export { conversationWorkflow } from './conversation';
export { channelWorkflow } from './channel';
export { connectWhatsappNumberWorkflow } from './whatsapp-connect';
export { platformNotificationWorkflow } from './platform-notification';
