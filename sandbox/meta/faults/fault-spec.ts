import { z } from 'zod';
import { META_ERRORS } from '../graph/errors';

/** Which Graph call a fault applies to (see `classifyGraphPath`). */
export const GRAPH_OPERATIONS = [
  'messages',
  'media',
  'media_download',
  'message_templates',
  'access_token',
  'debug_token',
  'subscribed_apps',
  'register',
  'deregister',
  'phone_numbers',
  'node',
] as const;
export type GraphOperation = (typeof GRAPH_OPERATIONS)[number];

const metaErrorCodes = Object.keys(META_ERRORS).map(Number);

const scope = {
  /** Only calls on this phone number (its messages, media, node, register…). */
  phoneNumberId: z.string().min(1).optional(),
  /** Only this kind of call; default every Graph call (never /_sim or the dialog page). */
  operation: z.enum(GRAPH_OPERATIONS).optional(),
  /** The next N matching calls; default until cleared. */
  times: z.number().int().positive().optional(),
};

export const ZFaultSpec = z.discriminatedUnion('kind', [
  /** Plain HTTP failure; 429 carries Retry-After. */
  z.strictObject({
    kind: z.literal('http'),
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    ...scope,
  }),
  /** Accepts the connection and never answers; the client must time out. */
  z.strictObject({ kind: z.literal('hang'), ...scope }),
  /** A truncated JSON body with a JSON content type. */
  z.strictObject({ kind: z.literal('malformed'), status: z.number().int().min(200).max(599).optional(), ...scope }),
  /** Answers normally after a delay. */
  z.strictObject({ kind: z.literal('delay'), ms: z.number().int().nonnegative(), ...scope }),
  /** Meta's error for `code`; `async` (sends only) answers 200 with a wamid and then a `failed` status webhook. */
  z.strictObject({
    kind: z.literal('meta-error'),
    code: z
      .number()
      .int()
      .refine((c) => metaErrorCodes.includes(c), { message: `code must be one of ${metaErrorCodes.join(', ')}` }),
    async: z.boolean().optional(),
    details: z.string().optional(),
    ...scope,
  }),
]);

export type FaultSpec = z.infer<typeof ZFaultSpec>;
