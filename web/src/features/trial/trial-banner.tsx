import { Link } from 'react-router';
import { Icon } from '../../components/icon';
import { useCurrentSession } from '../session/use-session';
import { showsTrialBanner, trialEndsPhrase } from './trial-text';

export function TrialBanner() {
  const { access, user } = useCurrentSession();
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
