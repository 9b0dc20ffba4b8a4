import { useCallback, useEffect, type ReactNode } from 'react';
import type { TSubscriptionResponse } from '@domain/billing';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession, useSession } from '../session/use-session';
import { CancelSubscription } from './cancel-subscription';
import { CheckoutNotice } from './checkout-notice';
import { InvoicesTable, PaymentsTable } from './history-tables';
import { PlansSection } from './plans-section';
import { SubscriptionStatus } from './subscription-status';
import { canManage } from './subscription-text';
import { UsageSection } from './usage-section';
import { useBilling, type Loadable } from './use-billing';
import { useCheckoutConfirmation } from './use-checkout-confirmation';

/** Reachable while the workspace is blocked (the billing API is exempt from 402): this is the way back in. */
export function BillingPage() {
  const { user, tenant, access } = useCurrentSession();
  const { reload: reloadSession } = useSession();
  const isAdmin = user.role === 'admin';
  const billing = useBilling(isAdmin);
  const { setSubscription, reload } = billing;

  const onActive = useCallback(
    async (sub: TSubscriptionResponse) => {
      setSubscription(sub);
      // /me carries the block flag: re-reading it lifts the block page everywhere.
      await Promise.all([reloadSession().catch(() => undefined), reload()]);
    },
    [setSubscription, reload, reloadSession],
  );
  const checkout = useCheckoutConfirmation(onActive);

  // Razorpay reports the payment itself just after the activation; pick it up for the table.
  useEffect(() => {
    if (checkout.state !== 'confirmed') return;
    const timer = setTimeout(() => void reload(), 3_000);
    return () => clearTimeout(timer);
  }, [checkout.state, reload]);

  const changed = (sub: TSubscriptionResponse) => {
    setSubscription(sub);
    void reload();
    void reloadSession().catch(() => undefined);
  };

  const sub = billing.subscription.data;
  return (
    <section className="page" data-testid="page-billing">
      <PageHeader title="Billing" description="Your plan, usage, payments and invoices. Payments are handled securely by Razorpay." />
      <div className="stack">
        <CheckoutNotice state={checkout.state} subscription={sub} onRetry={checkout.retry} onDismiss={checkout.dismiss} />
        {billing.loading ? (
          <p className="muted" data-testid="billing-loading">
            Loading billing…
          </p>
        ) : null}
        <div className="card-grid">
          <Section title="Subscription" item={billing.subscription} onRetry={reload}>
            {(s) => (
              <>
                <SubscriptionStatus subscription={s} access={access} trialEndsAt={tenant.trialEndsAt} />
                {isAdmin && canManage(s) ? <CancelSubscription subscription={s} onCancelled={changed} /> : null}
              </>
            )}
          </Section>
          <Section title="Usage" item={billing.usage} onRetry={reload} bare>
            {(u) => <UsageSection usage={u} planName={billing.plans.data?.find((p) => p.id === u.planId)?.name ?? u.planId} subscribed={sub ? canManage(sub) : false} />}
          </Section>
          {sub ? (
            <Section title="Plans" item={billing.plans} onRetry={reload} bare>
              {(plans) => <PlansSection plans={plans} subscription={sub} isAdmin={isAdmin} onPlanChanged={changed} />}
            </Section>
          ) : null}
          {isAdmin ? (
            <>
              <Section title="Payments" item={billing.payments} onRetry={reload} wide>
                {(payments) => <PaymentsTable payments={payments} />}
              </Section>
              <Section title="Invoices" item={billing.invoices} onRetry={reload} wide>
                {(invoices) => <InvoicesTable invoices={invoices} />}
              </Section>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}

interface SectionProps<T> {
  title: string;
  item: Loadable<T>;
  onRetry(): void;
  children(data: T): ReactNode;
  /** The child draws its own card. */
  bare?: boolean;
  wide?: boolean;
}

/** A card that shows its data, or why it could not be loaded with a retry; nothing while loading. */
function Section<T>({ title, item, onRetry, children, bare, wide }: SectionProps<T>) {
  const error = item.error ? (
    <Alert title={`Could not load ${title.toLowerCase()}`}>
      {item.error}{' '}
      <Button variant="ghost" size="sm" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  ) : null;
  if (!error && item.data === null) return null;
  if (bare && !error) return children(item.data as T);
  return (
    <section className={`card card--flat${wide ? ' card--wide' : ''}`} aria-label={title}>
      <h2 className="card__title">{title}</h2>
      {error ?? children(item.data as T)}
    </section>
  );
}
