import { z } from 'zod';
import { ZEmailSchema, ZPhoneSchema } from './auth';

/** A phone (codes, reminders) or an email address (verification and reset links). */
export const ZOutboxQuerySchema = z.object({ to: z.union([ZPhoneSchema, ZEmailSchema]) });

export const ZOutboxResponseSchema = z.object({
  data: z.array(z.object({ to: z.string(), body: z.string(), kind: z.string(), createdAt: z.string() })),
});
export type TOutboxResponse = z.infer<typeof ZOutboxResponseSchema>;

/** What the web phone simulator needs: where the Meta simulator is, and the numbers it can write to. */
export const ZSandboxInfoResponseSchema = z.object({
  /** Null when sandbox mode runs against a Graph API that is not the simulator. */
  metaSimulatorUrl: z.string().nullable(),
  /** Sent as x-sandbox-control-token to the simulator's /_sim routes, which answer only the web app's origin. */
  simulatorControlToken: z.string(),
  /** `platform`: the platform's own number (sign-up codes, reminders), listed so the phone can show what it sent. */
  numbers: z.array(z.object({ phoneNumberId: z.string(), displayPhoneNumber: z.string(), verifiedName: z.string().nullable(), isDefault: z.boolean(), platform: z.literal(true).optional() })),
});
export type TSandboxInfoResponse = z.infer<typeof ZSandboxInfoResponseSchema>;
