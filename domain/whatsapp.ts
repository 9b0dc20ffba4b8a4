import { z } from 'zod';

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

/** What Meta's redirect (and the FINISH event of the popup, when the page has it) brings back. */
export const ZMetaCallbackQuerySchema = z.object({
  code: z.string().min(1).max(2048).optional(),
  state: z.string().min(1).max(2048),
  waba_id: z.string().regex(/^\d{1,30}$/).optional(),
  phone_number_id: z.string().regex(/^\d{1,30}$/).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(500).optional(),
});

/** Registering a Cloud API number the business already has in its WABA (token from Business Manager). */
export const ZCloudInitSchema = z.object({
  wabaId: z.string().regex(/^\d{1,30}$/, 'must be the numeric WABA id'),
  phoneNumberId: z.string().regex(/^\d{1,30}$/, 'must be the numeric phone number id'),
  accessToken: z.string().min(20).max(1000),
  pin: z.string().regex(/^\d{6}$/, 'must be the 6-digit two-step verification PIN').default('000000'),
});
export type TCloudInit = z.infer<typeof ZCloudInitSchema>;
