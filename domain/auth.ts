import { z } from 'zod';

export const roles = ['admin', 'agent'] as const;
export const ZRoleSchema = z.enum(roles);
export type TRole = z.infer<typeof ZRoleSchema>;

/** E.164: a plus, a non-zero country digit, 7 to 14 more digits. */
export const ZPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 phone number such as +919812345678');

// The document shows the address rule itself (a pipe's input side would read "any string").
export const ZEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be a valid email address'))
  .pipe(z.string().max(254))
  .meta({ pattern: z.regexes.email.source, maxLength: 254 });

/** At least 10 characters with a letter and a digit; long passphrases are welcome. */
export const ZPasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters')
  .regex(/[A-Za-z]/, 'must contain a letter')
  .regex(/\d/, 'must contain a digit');

export const ZPersonNameSchema = z.string().max(120).trim().min(1, 'is required');
export const ZWorkspaceNameSchema = z.string().max(80).trim().min(2, 'must be at least 2 characters');

export const ZRegisterInitiateSchema = z.object({
  name: ZPersonNameSchema,
  email: ZEmailSchema,
  phone: ZPhoneSchema,
  workspace: ZWorkspaceNameSchema,
  password: ZPasswordSchema,
});
export type TRegisterInitiate = z.infer<typeof ZRegisterInitiateSchema>;

export const ZRegisterInitiateResponseSchema = z.object({
  status: z.literal('otp_sent'),
  expiresAt: z.string(),
  /** When "Resend code" may be used: the pending code is re-sent no earlier (`otp_resend_cooldown`). */
  resendAvailableAt: z.string(),
});
export type TRegisterInitiateResponse = z.infer<typeof ZRegisterInitiateResponseSchema>;

/** Re-sends the code of a pending sign-up: the phone and email name it (no password needed). */
export const ZRegisterResendSchema = z.object({ email: ZEmailSchema, phone: ZPhoneSchema });
export type TRegisterResend = z.infer<typeof ZRegisterResendSchema>;

export const ZOtpSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the 6-digit code');

export const ZRegisterSchema = ZRegisterInitiateSchema.extend({ otp: ZOtpSchema });
export type TRegister = z.infer<typeof ZRegisterSchema>;

export const ZLoginSchema = z.object({
  email: ZEmailSchema,
  password: z.string().min(1, 'is required').max(200),
});
export type TLogin = z.infer<typeof ZLoginSchema>;

export const ZUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRoleSchema,
});
export type TUser = z.infer<typeof ZUserSchema>;

export const ZTenantSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  trialEndsAt: z.string(),
});
export type TTenantSummary = z.infer<typeof ZTenantSummarySchema>;

export const ZAuthResponseSchema = z.object({
  accessToken: z.string(),
  user: ZUserSchema,
  tenant: ZTenantSummarySchema,
});
export type TAuthResponse = z.infer<typeof ZAuthResponseSchema>;

/** What the web shell needs to draw the layout, the trial banner and the block page. */
export const ZAccessSchema = z.object({
  trialActive: z.boolean(),
  trialDaysLeft: z.number().int(),
  subscriptionStatus: z.string().nullable(),
  blocked: z.boolean(),
});
export type TAccess = z.infer<typeof ZAccessSchema>;

export const ZMeResponseSchema = z.object({
  /** `emailVerified`: the web app shows a banner until the mailed link is opened. */
  user: ZUserSchema.extend({ emailVerified: z.boolean() }),
  tenant: ZTenantSummarySchema.extend({ access: ZAccessSchema }),
});
export type TMeResponse = z.infer<typeof ZMeResponseSchema>;

/** As the link carries it (base64url, no spaces): the document then says exactly what the API accepts. */
export const ZLinkTokenSchema = z
  .string()
  .min(20, 'must be the token from the link')
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be the token from the link');

export const ZVerifyEmailSchema = z.object({ token: ZLinkTokenSchema });

export const ZPasswordForgotSchema = z.object({ email: ZEmailSchema });
export type TPasswordForgot = z.infer<typeof ZPasswordForgotSchema>;

export const ZPasswordResetSchema = z.object({ token: ZLinkTokenSchema, password: ZPasswordSchema });
export type TPasswordReset = z.infer<typeof ZPasswordResetSchema>;

/** The same answer whether or not an account has the address: nothing to learn from it. */
export const ZAcceptedResponseSchema = z.object({ status: z.literal('accepted') });
