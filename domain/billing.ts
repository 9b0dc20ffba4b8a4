import { z } from 'zod';

export const planIds = ['starter', 'growth', 'pro'] as const;
export const ZPlanIdSchema = z.enum(planIds);
export type TPlanId = z.infer<typeof ZPlanIdSchema>;

export const ZPlanLimitsSchema = z.object({
  messagesPerMonth: z.number().int(),
  aiRepliesPerMonth: z.number().int(),
  agents: z.number().int(),
  broadcastsPerDay: z.number().int(),
});
export type TPlanLimits = z.infer<typeof ZPlanLimitsSchema>;

export const ZPlanSchema = z.object({
  id: ZPlanIdSchema,
  name: z.string(),
  /** In the currency's major unit: ₹999 is 999. */
  amount: z.number(),
  currency: z.literal('INR'),
  interval: z.literal('month'),
  limits: ZPlanLimitsSchema,
});
export type TPlan = z.infer<typeof ZPlanSchema>;

export const ZPlansResponseSchema = z.object({ data: z.array(ZPlanSchema) });

export const ZCreateSubscriptionSchema = z.object({ planId: ZPlanIdSchema });
export type TCreateSubscription = z.infer<typeof ZCreateSubscriptionSchema>;

export const ZCreateSubscriptionResponseSchema = z.object({
  subscriptionId: z.uuid(),
  razorpaySubscriptionId: z.string(),
  shortUrl: z.string(),
  keyId: z.string(),
  /** True: the running trial is kept and nothing is charged at checkout (the card is only authorised). */
  trialKept: z.boolean(),
  /** When Razorpay takes the first payment (ISO 8601): the trial's end when kept, else at checkout. */
  firstChargeAt: z.iso.datetime(),
});
export type TCreateSubscriptionResponse = z.infer<typeof ZCreateSubscriptionResponseSchema>;

/** Razorpay's statuses, plus `grace` (halted, inside our grace period) and `suspended` (grace over). */
export const subscriptionStatuses = ['created', 'authenticated', 'active', 'pending', 'halted', 'grace', 'suspended', 'cancelled', 'completed', 'paused', 'expired'] as const;
export type TSubscriptionStatus = (typeof subscriptionStatuses)[number];

export const ZSubscriptionResponseSchema = z.object({
  status: z.enum(subscriptionStatuses).nullable(),
  plan: z.object({ id: ZPlanIdSchema, name: z.string(), amount: z.number(), currency: z.string() }).nullable(),
  razorpaySubscriptionId: z.string().nullable(),
  currentPeriodEnd: z.string().nullable(),
  cancelAtCycleEnd: z.boolean(),
  graceEndsAt: z.string().nullable(),
  /** The subscription's first charge while it is still to come (Razorpay's `start_at`); null once charged or when charged at checkout. */
  firstChargeAt: z.string().nullable(),
  /** What subscribing now would do: keep the running trial and charge at its end, or charge today. */
  checkout: z.object({ trialKept: z.boolean(), firstChargeAt: z.iso.datetime() }),
});
export type TSubscriptionResponse = z.infer<typeof ZSubscriptionResponseSchema>;

export const ZCancelSubscriptionSchema = z.object({ atCycleEnd: z.boolean().default(true) });
export type TCancelSubscription = z.infer<typeof ZCancelSubscriptionSchema>;

export const ZChangePlanSchema = z.object({ planId: ZPlanIdSchema });
export type TChangePlan = z.infer<typeof ZChangePlanSchema>;

export const ZPaymentSchema = z.object({
  id: z.uuid(),
  amount: z.number(),
  currency: z.string(),
  status: z.string(),
  razorpayPaymentId: z.string(),
  razorpayInvoiceId: z.string().nullable(),
  errorDescription: z.string().nullable(),
  createdAt: z.string(),
});
export type TPayment = z.infer<typeof ZPaymentSchema>;

export const usageKinds = ['message_outbound', 'ai_reply', 'ai_tokens', 'broadcast'] as const;
export type TUsageKind = (typeof usageKinds)[number];

export const ZUsageResponseSchema = z.object({
  planId: ZPlanIdSchema,
  usage: z.object({
    messagesThisMonth: z.number().int(),
    aiRepliesThisMonth: z.number().int(),
    agents: z.number().int(),
    broadcastsToday: z.number().int(),
  }),
  limits: ZPlanLimitsSchema,
});
export type TUsageResponse = z.infer<typeof ZUsageResponseSchema>;

export const ZInvoiceSchema = z.object({
  id: z.uuid(),
  razorpayInvoiceId: z.string(),
  amount: z.number(),
  currency: z.string(),
  status: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  createdAt: z.string(),
});
export type TInvoice = z.infer<typeof ZInvoiceSchema>;
