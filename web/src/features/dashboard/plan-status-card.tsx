import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchSubscription } from '../../api/billing';
import { formatDate as formatDay } from '../../lib/format';
import { queryKeys } from '../../lib/query-keys';
import { Badge } from '../../components/badge';
import { useCurrentSession } from '../session/use-session';
import { trialEndsPhrase } from '../trial/trial-text';

/** Trial or subscription state of the workspace, as GET /me reports it. */
export function PlanStatusCard({ showBillingLink = true }: { showBillingLink?: boolean }) {
  const { tenant, access, user } = useCurrentSession();
  // Shared with the Billing page's read; a `subscription.updated` event marks it stale.
  const { data: subscription } = useQuery({ queryKey: queryKeys.billingPart('subscription'), queryFn: fetchSubscription, enabled: access.subscriptionStatus !== null });
  const planName = subscription?.plan?.name;
  const endDate = formatDate(tenant.trialEndsAt);
  return (
    <article className="card" data-testid="trial-status">
      <h2 className="card__title">Plan</h2>
      {access.blocked ? (
        <>
          <Badge tone="red">Paused</Badge>
          <p className="card__text">The free trial has ended and there is no active subscription.</p>
        </>
      ) : access.subscriptionStatus ? (
        <>
          {planName ? (
            <p className="card__headline" data-testid="plan-name">
              {planName} plan
            </p>
          ) : null}
          <Badge tone={access.subscriptionStatus === 'active' ? 'green' : 'amber'}>Subscription {access.subscriptionStatus}</Badge>
          {subscription?.status === 'authenticated' && subscription.firstChargeAt ? (
            <p className="card__text" data-testid="plan-starts">
              Starts on {formatDay(subscription.firstChargeAt)}, with the first charge{access.trialActive ? '; your free trial runs until then' : ''}.
            </p>
          ) : (
            <p className="card__text">Manage your plan, payments and invoices in Billing.</p>
          )}
        </>
      ) : (
        <>
          <Badge tone={access.trialDaysLeft <= 2 ? 'amber' : 'green'}>Free trial</Badge>
          <p className="card__stat">
            {access.trialDaysLeft} <span>{access.trialDaysLeft === 1 ? 'day' : 'days'} left</span>
          </p>
          <p className="card__text">
            Your trial ends {trialEndsPhrase(access.trialDaysLeft)}
            {endDate ? ` (${endDate})` : ''}.
          </p>
        </>
      )}
      {user.role === 'admin' && showBillingLink ? (
        <Link to="/app/billing" className="card__link">
          {access.subscriptionStatus ? 'Open Billing' : 'Choose a plan'} →
        </Link>
      ) : null}
    </article>
  );
}

function formatDate(iso: string): string | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
}
