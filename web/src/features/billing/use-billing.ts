import { useCallback, useEffect, useState } from 'react';
import type { TInvoice, TPayment, TPlan, TSubscriptionResponse, TUsageResponse } from '@domain/billing';
import { fetchInvoices, fetchPayments, fetchPlans, fetchSubscription, fetchUsage } from '../../api/billing';
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

const empty: Loadable<never> = { data: null, error: null };
const initial: BillingData = { plans: empty, subscription: empty, usage: empty, payments: empty, invoices: empty };

async function settle<T>(work: Promise<T>): Promise<Loadable<T>> {
  try {
    return { data: await work, error: null };
  } catch (err) {
    return { data: null, error: describeError(err) };
  }
}

/** Everything the Billing page shows, loaded side by side so one failing call does not blank the rest. */
export function useBilling(isAdmin: boolean) {
  const [data, setData] = useState<BillingData>(initial);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    const none = Promise.resolve(empty as Loadable<never>);
    const [plans, subscription, usage, payments, invoices] = await Promise.all([
      settle(fetchPlans()),
      settle(fetchSubscription()),
      settle(fetchUsage()),
      isAdmin ? settle(fetchPayments()) : none,
      isAdmin ? settle(fetchInvoices()) : none,
    ]);
    setData({ plans, subscription, usage, payments, invoices });
    setLoading(false);
  }, [isAdmin]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const setSubscription = useCallback((sub: TSubscriptionResponse) => {
    setData((d) => ({ ...d, subscription: { data: sub, error: null } }));
  }, []);

  return { ...data, loading, reload, setSubscription };
}
