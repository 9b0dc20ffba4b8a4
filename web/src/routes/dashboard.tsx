import { PageHeader } from '../components/page-header';
import { GettingStarted } from '../features/dashboard/getting-started';
import { PlanStatusCard } from '../features/dashboard/plan-status-card';
import { WorkspaceCard } from '../features/dashboard/workspace-card';
import { useCurrentSession } from '../features/session/use-session';

export function DashboardPage() {
  const { user, tenant } = useCurrentSession();
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;
  return (
    <section className="page" data-testid="dashboard">
      <PageHeader title={`Welcome, ${firstName}`} description={`Here is what is happening in ${tenant.name}.`} />
      <div className="card-grid">
        <WorkspaceCard />
        <PlanStatusCard />
        <GettingStarted />
      </div>
    </section>
  );
}
