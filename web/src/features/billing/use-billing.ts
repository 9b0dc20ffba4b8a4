import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TInvoice, TPayment, TPlan, TSubscriptionResponse, TUsageResponse } from '@domain/billing';
import { fetchInvoices, fetchPayments, fetchPlans, fetchSubscription, fetchUsage } from '../../api/billing';
import { queryKeys } from '../../lib/query-keys';
import { describeError } from '../forms/error-messages';

export interface Loadable<T> {
  data: T | null;
  error: string | null;
}

export interface BillingData {
  plans: Loadable<TPlan[]>;
  subscription: Loadable<TSubscriptionResponse>;
  usage: Loadable<TUsageResponse>;
  /** Admin only; agents get null data and no error. */
  payments: Loadable<TPayment[]>;
  invoices: Loadable<TInvoice[]>;
}

const loadable = <T>(q: UseQueryResult<T>): Loadable<T> => ({ data: q.data ?? null, error: q.error ? describeError(q.error) : null });

/** Everything the Billing page shows, loaded side by side so one failing call does not blank the rest. */
export function useBilling(isAdmin: boolean) {
  const client = useQueryClient();
  const [plans, subscription, usage, payments, invoices] = useQueries({
    queries: [
      { queryKey: queryKeys.billingPart('plans'), queryFn: fetchPlans },
      { queryKey: queryKeys.billingPart('subscription'), queryFn: fetchSubscription },
      { queryKey: queryKeys.billingPart('usage'), queryFn: fetchUsage },
      { queryKey: queryKeys.billingPart('payments'), queryFn: fetchPayments, enabled: isAdmin },
      { queryKey: queryKeys.billingPart('invoices'), queryFn: fetchInvoices, enabled: isAdmin },
    ],
  });
  const shown = isAdmin ? [plans, subscription, usage, payments, invoices] : [plans, subscription, usage];

  const reload = useCallback(() => client.invalidateQueries({ queryKey: queryKeys.billing }), [client]);
  const setSubscription = useCallback((sub: TSubscriptionResponse) => client.setQueryData(queryKeys.billingPart('subscription'), sub), [client]);

  // The sections appear together once every read has answered, so the cards do not jump into place.
  const loading = shown.some((q) => q.isPending);
  const part = <T>(q: UseQueryResult<T>): Loadable<T> => (loading ? { data: null, error: null } : loadable(q));
  return {
    plans: part(plans),
    subscription: part(subscription),
    usage: part(usage),
    payments: part(payments),
    invoices: part(invoices),
    loading,
    reload,
    setSubscription,
  };
}
