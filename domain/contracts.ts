/**
 * Names shared by the API, the workers and the workflows: task queues, workflow ids, signals and
 * search attributes. Workflow ids never carry phone numbers or other PII (they show in Temporal UI).
 */
export const taskQueueNames = ['conversations', 'broadcasts', 'billing', 'automations'] as const;
export type TaskQueueName = (typeof taskQueueNames)[number];

/** A deployment (or a test) may prefix queues so several stacks can share one Temporal server. */
export function taskQueue(name: TaskQueueName, prefix = ''): string {
  return prefix ? `${prefix}-${name}` : name;
}

export const workflowIds = {
  trial: (tenantId: string) => `trial:${tenantId}`,
  subscription: (tenantId: string) => `subscription:${tenantId}`,
  conversation: (id: { tenantId: string; contactKey: string; phoneNumberId: string }) => `conversation:${id.tenantId}:${id.contactKey}:${id.phoneNumberId}`,
  channel: (tenantId: string, phoneNumberId: string) => `channel:${tenantId}:${phoneNumberId}`,
  broadcast: (tenantId: string, broadcastId: string) => `broadcast:${tenantId}:${broadcastId}`,
  whatsappConnect: (tenantId: string, nonce: string) => `whatsapp-connect:${tenantId}:${nonce}`,
};

export const searchAttributeNames = {
  tenantId: 'AerosticTenantId',
  kind: 'AerosticKind',
} as const;

export const workflowKinds = ['trial', 'subscription', 'conversation', 'channel', 'broadcast', 'automation', 'whatsapp-connect'] as const;
export type WorkflowKind = (typeof workflowKinds)[number];

export const trialSignals = {
  converted: 'converted',
  /** A subscription authorised during the trial (billing starts at its end) was given or withdrawn. */
  subscriptionMandate: 'subscriptionMandate',
} as const;

export const trialQueries = {
  state: 'state',
} as const;

export const subscriptionMessages = {
  razorpayEvent: 'razorpayEvent',
  subscribe: 'subscribe',
  cancel: 'cancel',
  changePlan: 'changePlan',
  state: 'state',
} as const;

export const conversationMessages = {
  inbound: 'inbound',
  send: 'send',
  command: 'command',
  state: 'state',
} as const;

export const channelMessages = {
  statuses: 'statuses',
} as const;
