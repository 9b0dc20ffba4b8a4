import { useCurrentSession } from '../session/use-session';

export function WorkspaceCard() {
  const { tenant, user } = useCurrentSession();
  return (
    <article className="card" data-testid="workspace-card">
      <h2 className="card__title">Workspace</h2>
      <p className="card__headline" data-testid="workspace-name">
        {tenant.name}
      </p>
      <dl className="card__facts">
        <div>
          <dt>Workspace ID</dt>
          <dd className="mono" data-testid="dashboard-workspace-id">
            {tenant.id}
          </dd>
        </div>
        <div>
          <dt>Slug</dt>
          <dd className="mono">{tenant.slug}</dd>
        </div>
        <div>
          <dt>Signed in as</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>Your role</dt>
          <dd>{user.role === 'admin' ? 'Admin' : 'Agent'}</dd>
        </div>
      </dl>
    </article>
  );
}
