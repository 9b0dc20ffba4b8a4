import { useQuery } from '@tanstack/react-query';
import { fetchWorkspace } from '../../api/onboarding';
import { queryKeys } from '../../lib/query-keys';
import { useCurrentSession } from '../session/use-session';
import { CopyValue } from './copy-value';

/** Settings: the workspace id support and Temporal UI ask for (`AerosticTenantId`), and a link to its workflows. */
export function WorkspaceIdCard() {
  const { tenant } = useCurrentSession();
  const { data } = useQuery({ queryKey: queryKeys.workspace, queryFn: fetchWorkspace });
  return (
    <section className="card card--flat" data-testid="workspace-id-card">
      <h2 className="card__title">Workspace ID</h2>
      <p className="card__text">
        Quote it to support, or search Temporal UI for <code>AerosticTenantId</code> with it to see this workspace&apos;s workflows.
      </p>
      <CopyValue value={tenant.id} testId="workspace-id" />
      {data?.temporalUiUrl ? (
        <a className="card__link" href={data.temporalUiUrl} target="_blank" rel="noreferrer" data-testid="temporal-ui-link">
          Open this workspace&apos;s workflows in Temporal UI ↗
        </a>
      ) : null}
    </section>
  );
}
