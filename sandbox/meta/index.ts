export { startMetaSimulator } from './simulator';
export { signMetaBody } from './webhooks/signature';
export { metaJson } from './graph/json';
export { META_ERRORS, type MetaErrorCode, type MetaErrorObject, type MetaWebhookError } from './graph/errors';
export { GRAPH_OPERATIONS, type FaultSpec, type GraphOperation } from './faults/fault-spec';
export type {
  ActiveFault,
  CreateAccountInput,
  CustomerRef,
  EmitStatusOptions,
  GraphRequestRecord,
  InboundMedia,
  InboundMessageInput,
  InboundResult,
  MessagePreview,
  MetaSimulator,
  MetaSimulatorOptions,
  SentMessage,
  SignatureMode,
  SimAccount,
  SimAccountSummary,
  SimCustomer,
  StatusBehaviour,
  StatusName,
  WebhookDelivery,
  WebhookKind,
} from './types';
