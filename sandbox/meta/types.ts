import type { ControlAccess } from '../control-access';
import type { FaultSpec } from './faults/fault-spec';

export interface MetaSimulatorOptions {
  appId: string;
  appSecret: string;
  /** Default 'v21.0'. Any `vNN.N` path is served; this one is used in generated URLs. */
  graphVersion?: string;
  webhookUrl?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Who may call /_sim; default: a random token (`controlToken`) and no browser origin. */
  control?: ControlAccess;
  /** Default 127.0.0.1. */
  host?: string;
  /** Shown on the OAuth dialog and in debug_token. Default 'Aerostic Sandbox'. */
  appName?: string;
  /** How long a new template stays PENDING before review. Default 150 ms. */
  templateReviewMs?: number;
  /** Sends of templates that do not exist (approved, in that language) fail with 132001, and param counts are checked (132000). Default true. */
  strictTemplates?: boolean;
  /** Free-form sends to a customer who has not written in 24 h fail asynchronously with 131047. Default false. */
  enforceCustomerServiceWindow?: boolean;
  /** Extra attempts for a webhook the app answered with non-2xx or not at all. Default 0 (deterministic tests). */
  webhookRetries?: number;
  /** Per-attempt timeout of a webhook POST. Default 10 000 ms. */
  webhookTimeoutMs?: number;
  statuses?: Partial<StatusBehaviour>;
}

export type StatusName = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusBehaviour {
  /** The last status sent automatically after an accepted send. Default 'read'. */
  upTo: 'none' | 'sent' | 'delivered' | 'read';
  /** Delay before each automatic status. Default 25 ms. */
  delayMs: number;
  /** 'reverse' sends read → delivered → sent, to exercise monotonic status handling. */
  order: 'normal' | 'reverse';
  /** Deliver the `sent` webhook before answering the send request (Meta can race its own response). */
  sentBeforeResponse: boolean;
}

export interface SimAccount {
  businessId: string;
  wabaId: string;
  wabaName: string;
  phoneNumberId: string;
  /** Digits only, as in webhook metadata, e.g. 15550783881. */
  displayPhoneNumber: string;
  verifiedName: string;
  registered: boolean;
  subscribed: boolean;
  /** A token scoped to this WABA (the one the code exchange would have produced). */
  token: string;
}

/** An account as listed (accounts from the OAuth dialog have no token until the app exchanges its code). */
export type SimAccountSummary = Omit<SimAccount, 'token'>;

export interface CreateAccountInput {
  wabaId?: string;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  wabaName?: string;
  /** Default true: the app is already subscribed to the WABA's webhooks. */
  subscribed?: boolean;
  /** Default true: the number is registered, so it can send. */
  registered?: boolean;
  /** Use this bearer token instead of a generated one. */
  token?: string;
}

export interface SentMessage {
  wamid: string;
  phoneNumberId: string;
  wabaId: string;
  /** `to` exactly as the app sent it. */
  input: string;
  waId: string;
  type: string;
  /** The parsed request body. */
  body: Record<string, unknown>;
  bizOpaqueCallbackData?: string;
  version: string;
  at: number;
  /** For simulated asynchronous failures: the code of the `failed` status that follows. */
  failureCode?: number;
  failureDetails?: string;
  preview: MessagePreview;
}

/** What a phone would show for a sent message, for the web phone simulator. */
export interface MessagePreview {
  text?: string;
  header?: string;
  footer?: string;
  buttons?: { id?: string; title: string; payload?: string; url?: string }[];
  list?: { button: string; sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[] };
  media?: { type: string; id?: string; link?: string; caption?: string; filename?: string };
  template?: { name: string; language: string };
  reaction?: { messageId: string; emoji: string };
  location?: { latitude: number; longitude: number; name?: string; address?: string };
}

export type WebhookKind = 'message' | 'status' | 'template' | 'raw' | 'verification';

export interface WebhookDelivery {
  id: string;
  kind: WebhookKind;
  url?: string;
  /** The exact bytes posted (signed over), as UTF-8. */
  rawBody: string;
  body: unknown;
  signature?: string;
  /** HTTP status the app answered with; undefined when it never answered. */
  status?: number;
  responseBody?: string;
  error?: string;
  /** Why nothing was posted (no webhook URL, app not subscribed to the WABA). */
  skipped?: string;
  attempts: number;
  at: number;
  durationMs: number;
  redeliveryOf?: string;
  wamids: string[];
}

export interface GraphRequestRecord {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  operation: string;
  nodeId?: string;
  status?: number;
  faultId?: string;
}

export type CustomerRef = string | { waId: string; name?: string };

interface InboundCommon {
  /** Override the generated wamid (e.g. to replay a known id). */
  id?: string;
  timestamp?: number;
  /** wamid of the business message this replies to; interactive/button replies default to the latest one sent to this customer. */
  replyTo?: string;
  forwarded?: boolean | 'frequently';
  referral?: Record<string, unknown>;
}

export interface InboundMedia {
  caption?: string;
  mimeType?: string;
  /** Bytes the app downloads; a small placeholder of the right type by default. */
  data?: Uint8Array;
  filename?: string;
  animated?: boolean;
  voice?: boolean;
}

export type InboundMessageInput = InboundCommon &
  (
    | { type: 'text'; body: string }
    | ({ type: 'image' | 'video' | 'audio' | 'document' | 'sticker' } & InboundMedia)
    | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string; url?: string }
    | { type: 'contacts'; contacts: Record<string, unknown>[] }
    | { type: 'button_reply'; buttonId: string; title: string }
    | { type: 'list_reply'; rowId: string; title: string; description?: string }
    | { type: 'button'; payload: string; text: string }
    | { type: 'reaction'; messageId: string; emoji?: string }
    | { type: 'unsupported' }
  );

export interface InboundResult {
  wamid: string;
  /** The envelope that was posted. */
  payload: unknown;
  delivery: WebhookDelivery;
}

/** 'valid' signs correctly, 'none' omits the header, 'bad' signs with the wrong key; any other string is sent verbatim as the header. */
export type SignatureMode = 'valid' | 'none' | 'bad' | string;

export interface SimCustomer {
  readonly phoneNumberId: string;
  send(from: CustomerRef, message: InboundMessageInput | string): Promise<InboundResult>;
  /** Post any body to the webhook URL (string/bytes verbatim, objects serialised like Meta). */
  sendRaw(body: string | Uint8Array | object, opts?: { signature?: SignatureMode }): Promise<WebhookDelivery>;
}

export interface EmitStatusOptions {
  /** Error code for a `failed` status; default 131026. */
  errorCode?: number;
  errorDetails?: string;
  timestamp?: number;
}

export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  /** Calls left before it clears itself; undefined = until cleared. */
  remaining?: number;
  hits: number;
}

export interface MetaSimulator {
  /** Graph base URL; the app calls `${url}/${version}/…`. */
  readonly url: string;
  readonly graphVersion: string;
  /** `${url}/${graphVersion}/dialog/oauth` — the Embedded Signup dialog. */
  readonly dialogUrl: string;
  readonly appId: string;
  /** `appId|appSecret`, accepted where Graph accepts an app access token (debug_token). */
  readonly appAccessToken: string;
  /** What `/_sim` requests carry in the x-sandbox-control-token header. */
  readonly controlToken: string;
  readonly webhookUrl: string | undefined;
  setWebhookUrl(url: string | undefined): void;
  /** Meta's GET verification handshake against the webhook URL. */
  verifyWebhook(verifyToken: string): Promise<{ ok: boolean; status?: number; body?: string; challenge: string }>;
  stop(): Promise<void>;

  createAccount(input?: CreateAccountInput): SimAccount;
  accounts(): SimAccountSummary[];
  /** Accept `token` as a bearer token; without wabaIds it may act on every WABA. */
  registerToken(token: string, access?: { wabaIds?: string[] }): string;
  expireToken(token: string): void;
  setTemplateStatus(templateId: string, status: string, reason?: string): Promise<WebhookDelivery | undefined>;

  customer(phoneNumberId: string): SimCustomer;
  /** Post any body to the webhook URL (string/bytes verbatim, objects serialised like Meta), signed per `signature` (default valid). */
  postRawWebhook(body: string | Uint8Array | object, opts?: { signature?: SignatureMode }): Promise<WebhookDelivery>;
  /** Post the same bytes with the same signature again, as Meta re-delivers. */
  redeliver(deliveryId: string): Promise<WebhookDelivery>;
  emitStatus(wamid: string, status: StatusName, opts?: EmitStatusOptions): Promise<WebhookDelivery>;
  /** Several statuses in one webhook (Meta batches them). */
  emitStatusBatch(items: { wamid: string; status: StatusName; opts?: EmitStatusOptions }[]): Promise<WebhookDelivery>;
  setStatusBehaviour(behaviour: Partial<StatusBehaviour>): void;

  injectFault(spec: FaultSpec): string;
  clearFault(id: string): void;
  clearFaults(filter?: { phoneNumberId?: string }): void;
  activeFaults(): ActiveFault[];

  sent(filter?: { phoneNumberId?: string; to?: string }): SentMessage[];
  webhookDeliveries(filter?: { kind?: WebhookKind }): WebhookDelivery[];
  requests(): GraphRequestRecord[];
  /** Mark-as-read calls (`status: read` on /messages): the inbound wamids the business has read. */
  readMarks(filter?: { phoneNumberId?: string }): { phoneNumberId: string; messageId: string; at: number }[];
  /** Polls `probe` until it returns something truthy. */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Resolves once every scheduled status, review and webhook has finished. */
  idle(): Promise<void>;
  /** Clears recordings, faults and pending work; `{ all: true }` also forgets accounts, tokens, templates and media. */
  reset(opts?: { all?: boolean }): void;
}
