import { z } from 'zod';
import { unsafeTextReason } from './safe-text';

export const accountStatuses = ['connected', 'pending', 'token_expired', 'disconnected'] as const;

export const ZWhatsappAccountSchema = z.object({
  id: z.uuid(),
  wabaId: z.string(),
  phoneNumberId: z.string(),
  displayPhoneNumber: z.string(),
  verifiedName: z.string().nullable(),
  status: z.enum(accountStatuses),
  qualityRating: z.string().nullable(),
  isDefault: z.boolean(),
});
export type TWhatsappAccount = z.infer<typeof ZWhatsappAccountSchema>;

export const ZWhatsappMeResponseSchema = z.object({ accounts: z.array(ZWhatsappAccountSchema) });

export const ZEmbeddedStartResponseSchema = z.object({ url: z.string() });

const graphId = z.string().regex(/^\d{1,30}$/);

/**
 * What Meta's redirect (and the FINISH event of the popup, when the page has it) brings back. The
 * callback is a browser page, so nothing here fails the request: a malformed value is dropped and
 * the handler redirects to the settings page with the reason.
 */
const callbackText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !unsafeTextReason(text));
export const ZMetaCallbackQuerySchema = z.object({
  code: callbackText(2048).pipe(z.string().min(1)).optional().catch(undefined),
  state: callbackText(2048).pipe(z.string().min(1)).optional().catch(undefined),
  waba_id: graphId.optional().catch(undefined),
  phone_number_id: graphId.optional().catch(undefined),
  error: callbackText(200).optional().catch(undefined),
  error_description: callbackText(500).optional().catch(undefined),
});
export type TMetaCallbackQuery = z.infer<typeof ZMetaCallbackQuerySchema>;

/** Registering a Cloud API number the business already has in its WABA (token from Business Manager). */
export const ZCloudInitSchema = z.object({
  wabaId: z.string().regex(/^\d{1,30}$/, 'must be the numeric WABA id'),
  phoneNumberId: z.string().regex(/^\d{1,30}$/, 'must be the numeric phone number id'),
  accessToken: z.string().max(1000).trim().min(20, 'must be the access token from Meta Business Manager'),
  /** The number's two-step verification PIN; without it Aerostic sets and keeps its own per-number PIN. */
  pin: z
    .string()
    .regex(/^\d{6}$/, 'must be the 6-digit two-step verification PIN')
    .optional(),
});
export type TCloudInit = z.infer<typeof ZCloudInitSchema>;

export const ZAccountIdParamSchema = z.object({ id: z.uuid('must be a UUID') });
