import { Link } from 'react-router';
import { Icon } from '../../components/icon';
import { useCurrentSession } from '../session/use-session';

/** Shown instead of any page but Billing while the workspace has no trial and no subscription. */
export function BlockedPage() {
  const { user, tenant } = useCurrentSession();
  return (
    <section className="blocked-page" data-testid="blocked-page">
      <title>Plan required · Aerostic</title>
      <div className="blocked-page__card">
        <span className="blocked-page__icon">
          <Icon name="lock" size={28} />
        </span>
        <h1>{tenant.name} is paused</h1>
        <p>
          The free trial has ended and there is no active subscription, so inbox, contacts, broadcasts and automations are on hold. Your data is safe — everything comes back as
          soon as a plan is active.
        </p>
        {user.role === 'admin' ? (
          <Link to="/app/billing" className="btn btn--primary" data-testid="blocked-billing-link">
            Go to Billing
          </Link>
        ) : (
          <p className="muted">Ask a workspace admin to choose a plan in Billing.</p>
        )}
      </div>
    </section>
  );
}
