import { z } from 'zod';

/** Platform (super) admins run Aerostic itself; they belong to no tenant. */
export const platformRole = 'super_admin' as const;

export const ZPlatformLoginResponseSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.string(),
});
export type TPlatformLoginResponse = z.infer<typeof ZPlatformLoginResponseSchema>;

/** Temporal's codec server protocol: payloads in proto JSON, metadata values and data base64. */
const ZBase64Schema = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
export const ZCodecPayloadSchema = z.object({
  metadata: z.record(z.string(), ZBase64Schema).nullish(),
  data: ZBase64Schema.nullish(),
});
export const ZCodecPayloadsSchema = z.object({ payloads: z.array(ZCodecPayloadSchema) });
export type TCodecPayloads = z.infer<typeof ZCodecPayloadsSchema>;
