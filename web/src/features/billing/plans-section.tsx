import { useState } from 'react';
import type { TPlan, TPlanId, TSubscriptionResponse } from '@domain/billing';
import { changePlan, createSubscription } from '../../api/billing';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { checkoutUrlFor, describeBillingError } from './billing-errors';
import { formatMoney } from '../../lib/format';
import { PlanCard } from './plan-card';
import { canManage, canSubscribe, checkoutTimingText } from './subscription-text';

interface Props {
  plans: TPlan[];
  subscription: TSubscriptionResponse;
  isAdmin: boolean;
  onPlanChanged(sub: TSubscriptionResponse): void;
}

/** Plan cards; admins subscribe (hosted checkout) or switch plans, agents only look. */
export function PlansSection({ plans, subscription, isAdmin, onPlanChanged }: Props) {
  const [busy, setBusy] = useState<TPlanId | null>(null);
  const [confirming, setConfirming] = useState<TPlanId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const managed = canManage(subscription);
  const currentId = managed || subscription.status === 'authenticated' ? subscription.plan?.id : undefined;

  async function subscribe(planId: TPlanId) {
    setError(null);
    setBusy(planId);
    try {
      const checkout = await createSubscription(planId);
      window.location.assign(checkoutUrlFor(checkout.shortUrl, window.location.origin));
    } catch (err) {
      setError(describeBillingError(err));
      setBusy(null);
    }
  }

  async function switchTo(planId: TPlanId) {
    setError(null);
    setBusy(planId);
    try {
      onPlanChanged(await changePlan(planId));
      setConfirming(null);
    } catch (err) {
      setError(describeBillingError(err));
    } finally {
      setBusy(null);
    }
  }

  function actionsFor(plan: TPlan) {
    if (!isAdmin || plan.id === currentId) return null;
    if (canSubscribe(subscription)) {
      return (
        <Button block busy={busy === plan.id} disabled={busy !== null} onClick={() => subscribe(plan.id)} data-testid={`subscribe-${plan.id}`}>
          Subscribe
        </Button>
      );
    }
    if (!managed) return null;
    if (confirming !== plan.id) {
      return (
        <Button variant="secondary" block disabled={busy !== null} onClick={() => setConfirming(plan.id)} data-testid={`change-plan-${plan.id}`}>
          Switch to {plan.name}
        </Button>
      );
    }
    return (
      <Dialog
        label={`Switch to ${plan.name}`}
        testId={`confirm-change-${plan.id}`}
        actions={
          <>
            <Button size="sm" busy={busy === plan.id} onClick={() => switchTo(plan.id)} data-testid={`confirm-change-plan-${plan.id}`}>
              Switch plan
            </Button>
            <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setConfirming(null)}>
              Keep current plan
            </Button>
          </>
        }
      >
        <p>
          Switch to {plan.name} now? You pay {formatMoney(plan.amount, plan.currency)} / month from today.
        </p>
      </Dialog>
    );
  }

  return (
    <section className="card card--flat card--wide" aria-labelledby="plans-title">
      <h2 className="card__title" id="plans-title">
        Plans
      </h2>
      {!isAdmin ? <p className="muted">Only workspace admins can subscribe or change the plan.</p> : null}
      {isAdmin && canSubscribe(subscription) ? <CheckoutTiming checkout={subscription.checkout} /> : null}
      {error ? <Alert testId="billing-alert">{error}</Alert> : null}
      <div className="plan-grid">
        {plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} current={plan.id === currentId}>
            {actionsFor(plan)}
          </PlanCard>
        ))}
      </div>
    </section>
  );
}

/** Before the hosted checkout: whether the trial's remaining days are kept (first charge at its end) or the charge is today. */
function CheckoutTiming({ checkout }: { checkout: TSubscriptionResponse['checkout'] }) {
  const text = checkoutTimingText(checkout);
  return (
    <Alert tone={checkout.trialKept ? 'success' : 'info'} title={text.title} testId="checkout-timing">
      {text.detail}
    </Alert>
  );
}
