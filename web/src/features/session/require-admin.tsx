import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession } from './use-session';

/** Settings, team and billing are for workspace admins (SPEC §1: agents have no settings or billing). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useCurrentSession();
  if (user.role === 'admin') return children;
  return (
    <section className="page" data-testid="admin-only">
      <PageHeader title="Admins only" description="Only workspace admins can open this page." />
      <p>
        <Link to="/app">Back to the dashboard</Link>
      </p>
    </section>
  );
}
