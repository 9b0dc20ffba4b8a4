import { z } from 'zod';
import { ZEmailSchema, ZPhoneSchema } from './auth';

/** Where the sandbox's platform number lives in the Meta simulator, unless PLATFORM_* say otherwise. */
export const SANDBOX_PLATFORM_PHONE_NUMBER_ID = '100000000000001';
/** The platform number as the phone simulator shows it (digits only, as in webhook metadata). */
export const SANDBOX_PLATFORM_DISPLAY_NUMBER = '15550100001';

/** A phone (codes, reminders) or an email address (verification and reset links). */
export const ZOutboxQuerySchema = z.object({ to: z.union([ZPhoneSchema, ZEmailSchema]) });

export const ZOutboxResponseSchema = z.object({
  data: z.array(z.object({ to: z.string(), body: z.string(), kind: z.string(), createdAt: z.string() })),
});
export type TOutboxResponse = z.infer<typeof ZOutboxResponseSchema>;

/** The newest sign-up code sent to a phone, for the sandbox panel of the code step. */
export const ZSandboxOtpQuerySchema = z.object({ to: ZPhoneSchema });
export const ZSandboxOtpResponseSchema = z.object({
  /** Null until a code was sent to this phone. */
  code: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  sentAt: z.string().nullable(),
});
export type TSandboxOtpResponse = z.infer<typeof ZSandboxOtpResponseSchema>;

/** What the web phone simulator needs: where the Meta simulator is, and the numbers it can write to. */
export const ZSandboxInfoResponseSchema = z.object({
  /** Null when sandbox mode runs against a Graph API that is not the simulator. */
  metaSimulatorUrl: z.string().nullable(),
  /** Sent as x-sandbox-control-token to the simulator's /_sim routes, which answer only the web app's origin. */
  simulatorControlToken: z.string(),
  /** `platform`: the platform's own number (sign-up codes, reminders), listed so the phone can show what it sent. */
  numbers: z.array(
    z.object({ phoneNumberId: z.string(), displayPhoneNumber: z.string(), verifiedName: z.string().nullable(), isDefault: z.boolean(), platform: z.literal(true).optional() }),
  ),
});
export type TSandboxInfoResponse = z.infer<typeof ZSandboxInfoResponseSchema>;
