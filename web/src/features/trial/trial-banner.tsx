import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchSubscription } from '../../api/billing';
import { Icon } from '../../components/icon';
import { formatDate } from '../../lib/format';
import { queryKeys } from '../../lib/query-keys';
import { useCurrentSession } from '../session/use-session';
import { showsPlanStartBanner, showsTrialBanner, trialEndsPhrase } from './trial-text';

export function TrialBanner() {
  const { access, user } = useCurrentSession();
  if (showsPlanStartBanner(access)) return <PlanStartBanner />;
  if (!showsTrialBanner(access)) return null;
  const isAdmin = user.role === 'admin';
  const urgent = access.blocked || access.trialDaysLeft <= 2;
  return (
    <div className={`trial-banner${urgent ? ' trial-banner--urgent' : ''}`} data-testid="trial-banner" role="status">
      <Icon name={access.blocked ? 'lock' : 'clock'} size={16} />
      <span>{access.blocked ? 'Your free trial has ended.' : `Your free trial ends ${trialEndsPhrase(access.trialDaysLeft)}.`}</span>
      {isAdmin ? (
        <Link to="/app/billing" className="trial-banner__cta">
          Choose a plan
        </Link>
      ) : (
        <span className="trial-banner__note">Ask your workspace admin to choose a plan.</span>
      )}
    </div>
  );
}

/** Paid during the trial: the card is authorised and the plan starts (first charge) when the trial ends. */
function PlanStartBanner() {
  const { access } = useCurrentSession();
  // The Billing page's read; `subscription.updated` marks it stale in every open tab.
  const { data: subscription } = useQuery({ queryKey: queryKeys.billingPart('subscription'), queryFn: fetchSubscription });
  if (!subscription?.firstChargeAt || subscription.status !== 'authenticated') return null;
  const plan = subscription.plan?.name ?? 'Your';
  return (
    <div className="trial-banner trial-banner--scheduled" data-testid="plan-start-banner" role="status">
      <Icon name="check" size={16} />
      <span>
        Your {plan} plan starts on {formatDate(subscription.firstChargeAt)}
        {access.trialActive ? '; your free trial continues until then.' : '.'}
      </span>
    </div>
  );
}
