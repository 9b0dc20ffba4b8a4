import type { TAccess } from '@domain/auth';
import type { TSubscriptionResponse } from '@domain/billing';
import { Badge } from '../../components/badge';
import { trialEndsPhrase } from '../trial/trial-text';
import { formatDate, formatMoney } from '../../lib/format';
import { describeStatus } from './subscription-text';

interface Props {
  subscription: TSubscriptionResponse;
  access: TAccess;
  trialEndsAt: string;
}

/** The workspace's billing state in one card: label, what it means, plan and key dates. */
export function SubscriptionStatus({ subscription, access, trialEndsAt }: Props) {
  const text = describeStatus(subscription, access);
  const { plan } = subscription;
  return (
    <div className="billing-status" data-testid="subscription-status" data-status={subscription.status ?? 'none'}>
      <div className="billing-status__head">
        <Badge tone={text.tone}>{text.label}</Badge>
        {plan ? (
          <span className="billing-status__plan" data-testid="subscription-plan">
            {plan.name} · {formatMoney(plan.amount, plan.currency)} / month
          </span>
        ) : null}
      </div>
      <p className="card__text" data-testid="subscription-explanation">
        {text.explanation}
      </p>
      <dl className="billing-status__facts">
        {access.trialActive ? (
          <div data-testid="trial-days-left">
            <dt>Free trial</dt>
            <dd>
              {access.trialDaysLeft} {access.trialDaysLeft === 1 ? 'day' : 'days'} left — ends {trialEndsPhrase(access.trialDaysLeft)} ({formatDate(trialEndsAt)})
            </dd>
          </div>
        ) : null}
        {subscription.currentPeriodEnd && subscription.status === 'active' ? (
          <div>
            <dt>{subscription.cancelAtCycleEnd ? 'Ends on' : 'Renews on'}</dt>
            <dd>{formatDate(subscription.currentPeriodEnd)}</dd>
          </div>
        ) : null}
        {subscription.graceEndsAt && subscription.status === 'grace' ? (
          <div>
            <dt>Grace period ends</dt>
            <dd>{formatDate(subscription.graceEndsAt)}</dd>
          </div>
        ) : null}
        {subscription.razorpaySubscriptionId ? (
          <div>
            <dt>Razorpay subscription</dt>
            <dd className="mono">{subscription.razorpaySubscriptionId}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
