import { newFbtraceId } from '../state/ids';

/** The `error` object of a Graph error response. `error_subcode` is deprecated by Meta but still seen, so it is optional. */
export interface MetaErrorObject {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_data?: { messaging_product: 'whatsapp'; details: string };
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id: string;
}

/** One entry of `errors[]` in a failed status or an unsupported inbound message. */
export interface MetaWebhookError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

interface CatalogEntry {
  status: number;
  title: string;
  details?: string;
  subcode?: number;
  transient?: boolean;
  /** Platform-level errors (1, 2, 190) carry a bare message, without the "(#code)" prefix. */
  bare?: boolean;
}

/** HTTP statuses and titles per Meta's Cloud API error table (EXTERNAL-APIS §1.6). */
export const META_ERRORS = {
  1: { status: 500, title: 'An unknown error has occurred.', transient: true, bare: true },
  2: { status: 503, title: 'Service temporarily unavailable', transient: true, bare: true },
  4: { status: 400, title: 'Application request limit reached', transient: true },
  10: { status: 403, title: 'Application does not have permission for this action' },
  100: { status: 400, title: 'Invalid parameter' },
  190: { status: 401, title: 'Error validating access token: Session has expired.', subcode: 463, bare: true },
  200: { status: 403, title: 'Permissions error' },
  368: { status: 403, title: 'Temporarily blocked for policies violations' },
  80007: { status: 400, title: 'Rate limit issues', details: 'The WhatsApp Business Account has reached its rate limit.' },
  130429: {
    status: 400,
    title: 'Rate limit hit',
    subcode: 2494055,
    details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time',
  },
  131000: { status: 500, title: 'Something went wrong', transient: true, details: 'Message failed to send due to an unknown error.' },
  131008: { status: 400, title: 'Required parameter is missing' },
  131009: { status: 400, title: 'Parameter value is not valid' },
  131026: {
    status: 400,
    title: 'Message undeliverable',
    details: 'Message failed to send because the recipient is not a WhatsApp user, has not accepted the latest Terms of Service, or uses an old WhatsApp version.',
  },
  131031: { status: 403, title: 'Business Account locked', details: 'The WhatsApp Business Account associated with the app has been restricted or disabled.' },
  131047: { status: 400, title: 'Re-engagement message', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  131048: { status: 400, title: 'Spam rate limit hit', details: 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.' },
  131051: { status: 400, title: 'Unsupported message type', details: 'Message type is not currently supported.' },
  131053: { status: 400, title: 'Media upload error', details: 'Unable to upload the media used in the message.' },
  131056: {
    status: 400,
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details: 'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.',
  },
  131057: { status: 400, title: 'Account in maintenance mode', details: 'Business Account is in maintenance mode.' },
  132000: { status: 400, title: 'Number of parameters does not match the expected number of params' },
  132001: { status: 404, title: 'Template name does not exist in the translation' },
  133005: { status: 400, title: 'Two step verification PIN Mismatch', details: 'The two-step verification PIN is incorrect.' },
  133010: { status: 400, title: 'Phone number Not registered', details: 'The phone number is not registered on the WhatsApp Business Platform.' },
} satisfies Record<number, CatalogEntry>;

export type MetaErrorCode = keyof typeof META_ERRORS;

export const isMetaErrorCode = (code: number): code is MetaErrorCode => Object.prototype.hasOwnProperty.call(META_ERRORS, code);

const ERROR_DOCS = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

export interface GraphErrorOptions {
  details?: string;
  subcode?: number | null;
  message?: string;
  type?: string;
  status?: number;
  userTitle?: string;
  userMessage?: string;
  headers?: Record<string, string>;
}

/** Thrown anywhere below a Graph route; the error middleware turns it into Meta's response. */
export class GraphError extends Error {
  readonly status: number;
  readonly error: Omit<MetaErrorObject, 'fbtrace_id'>;
  readonly headers: Record<string, string>;

  constructor(status: number, error: Omit<MetaErrorObject, 'fbtrace_id'>, headers: Record<string, string> = {}) {
    super(error.message);
    this.status = status;
    this.error = error;
    this.headers = headers;
  }

  static of(code: MetaErrorCode, opts: GraphErrorOptions = {}): GraphError {
    const entry: CatalogEntry = META_ERRORS[code];
    const title = opts.message ?? entry.title;
    const details = opts.details ?? entry.details;
    const error: Omit<MetaErrorObject, 'fbtrace_id'> = {
      message: entry.bare ? title : `(#${code}) ${title}`,
      type: opts.type ?? 'OAuthException',
      code,
    };
    const subcode = opts.subcode === null ? undefined : (opts.subcode ?? entry.subcode);
    if (subcode !== undefined) error.error_subcode = subcode;
    if (details !== undefined) error.error_data = { messaging_product: 'whatsapp', details };
    if (opts.userTitle) error.error_user_title = opts.userTitle;
    if (opts.userMessage) error.error_user_msg = opts.userMessage;
    if (entry.transient) error.is_transient = true;
    return new GraphError(opts.status ?? entry.status, error, opts.headers);
  }

  /** `(#100) <text>` — how Graph reports a bad or missing send parameter. */
  static invalidParam(text: string, opts: { subcode?: number; userTitle?: string; userMessage?: string } = {}): GraphError {
    return GraphError.of(100, { message: text.replace(/^\(#100\) /, ''), details: text, subcode: opts.subcode, userTitle: opts.userTitle, userMessage: opts.userMessage });
  }

  /** What Graph answers for an id that does not exist or that the token may not see (deliberately indistinguishable). */
  static unknownObject(method: string, id: string): GraphError {
    const verb = method.toUpperCase() === 'GET' ? 'get' : method.toUpperCase() === 'DELETE' ? 'delete' : 'post';
    return new GraphError(400, {
      message: `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
  }

  static invalidToken(message = 'Invalid OAuth access token - Cannot parse access token'): GraphError {
    return new GraphError(401, { message, type: 'OAuthException', code: 190 }, { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` });
  }

  static expiredToken(expiredAt: Date): GraphError {
    const message = `Error validating access token: Session has expired on ${expiredAt.toUTCString()}. The current time is ${new Date().toUTCString()}.`;
    return new GraphError(
      401,
      { message, type: 'OAuthException', code: 190, error_subcode: 463 },
      { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` },
    );
  }

  static unknownPath(path: string): GraphError {
    return new GraphError(400, { message: `Unknown path components: ${path}`, type: 'OAuthException', code: 2500 });
  }

  body(): { error: MetaErrorObject } {
    return { error: { ...this.error, fbtrace_id: newFbtraceId() } };
  }
}

/** The `errors[]` item Meta puts on a failed status (same code, title and details as the synchronous error). */
export function webhookError(code: MetaErrorCode, details?: string): MetaWebhookError {
  const entry: CatalogEntry = META_ERRORS[code];
  return { code, title: entry.title, message: entry.title, error_data: { details: details ?? entry.details ?? entry.title }, href: ERROR_DOCS };
}
