import { Outlet, useLocation } from 'react-router';
import { Sidebar } from '../features/navigation/sidebar';
import { useCurrentSession } from '../features/session/use-session';
import { BlockedPage } from '../features/trial/blocked-page';
import { TrialBanner } from '../features/trial/trial-banner';
import { VerifyEmailBanner } from '../features/account/verify-email-banner';
import { useWorkspaceLive } from '../features/realtime/use-workspace-live';

/** The signed-in frame: trial banner on top, navigation on the left, the page on the right. */
export function AppLayout() {
  const { access } = useCurrentSession();
  useWorkspaceLive();
  const { pathname } = useLocation();
  const blocked = access.blocked && !pathname.startsWith('/app/billing');
  return (
    <div className="app-shell">
      <TrialBanner />
      <VerifyEmailBanner />
      <div className="app-shell__body">
        <Sidebar />
        <main className="app-shell__main" data-testid="app-main">
          {blocked ? <BlockedPage /> : <Outlet />}
        </main>
      </div>
    </div>
  );
}
