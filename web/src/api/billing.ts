import { z } from 'zod';
import {
  ZCreateSubscriptionResponseSchema,
  ZInvoiceSchema,
  ZPaymentSchema,
  ZPlansResponseSchema,
  ZSubscriptionResponseSchema,
  ZUsageResponseSchema,
  type TCreateSubscriptionResponse,
  type TInvoice,
  type TPayment,
  type TPlan,
  type TPlanId,
  type TSubscriptionResponse,
  type TUsageResponse,
} from '@domain/billing';
import { apiClient } from './client';

const ZPaymentsResponseSchema = z.object({ data: z.array(ZPaymentSchema) });
const ZInvoicesResponseSchema = z.object({ data: z.array(ZInvoiceSchema) });

export async function fetchPlans(): Promise<TPlan[]> {
  return (await apiClient.request('GET', '/billing/plans', { schema: ZPlansResponseSchema, auth: false })).data;
}

export function fetchSubscription(): Promise<TSubscriptionResponse> {
  return apiClient.get('/billing/subscription', ZSubscriptionResponseSchema);
}

export function fetchUsage(): Promise<TUsageResponse> {
  return apiClient.get('/billing/usage', ZUsageResponseSchema);
}

export async function fetchPayments(): Promise<TPayment[]> {
  return (await apiClient.get('/billing/payments', ZPaymentsResponseSchema)).data;
}

export async function fetchInvoices(): Promise<TInvoice[]> {
  return (await apiClient.get('/billing/invoices', ZInvoicesResponseSchema)).data;
}

export function createSubscription(planId: TPlanId): Promise<TCreateSubscriptionResponse> {
  return apiClient.post('/billing/create-subscription', { planId }, ZCreateSubscriptionResponseSchema);
}

export function changePlan(planId: TPlanId): Promise<TSubscriptionResponse> {
  return apiClient.post('/billing/change-plan', { planId }, ZSubscriptionResponseSchema);
}

export function cancelSubscription(atCycleEnd: boolean): Promise<TSubscriptionResponse> {
  return apiClient.post('/billing/cancel', { atCycleEnd }, ZSubscriptionResponseSchema);
}
