import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { navItems } from '../features/navigation/nav-items';
import { RequireAdmin } from '../features/session/require-admin';
import { PublicOnly, RequireAuth } from '../features/session/require-auth';
import { AiSettingsSection } from '../features/ai/settings/ai-settings-section';
import { CannedResponsesSection } from '../features/inbox-settings/canned-responses/canned-responses-section';
import { InboxPage } from '../features/inbox/inbox-page';
import { KnowledgeSection } from '../features/ai/knowledge/knowledge-section';
import { LabelsSection } from '../features/inbox-settings/labels/labels-section';
import { TeamSection } from '../features/users/team-section';
import { WhatsappSection } from '../features/whatsapp/whatsapp-section';
import { WorkspaceIdCard } from '../features/workspace/workspace-id-card';
import { AcceptInvitePage } from './accept-invite';
import { ForgotPasswordPage } from './forgot-password';
import { ResetPasswordPage } from './reset-password';
import { VerifyEmailPage } from './verify-email';
import { AppLayout } from './app-layout';
import { BillingPage } from './billing';
import { ComingSoonPage } from './coming-soon';
import { DashboardPage } from './dashboard';
import { LoginPage } from './login';
import { NotFoundPage } from './not-found';
import { RegisterPage } from './register';
import { SettingsLayout } from './settings-layout';
import { SandboxOutboxPage } from './sandbox-outbox';
import { SimulatorPage } from './simulator';

/** Sections not built yet show a placeholder that says so. */
const placeholderRoutes: RouteObject[] = navItems.filter((item) => item.soon).map((item) => ({ path: item.path, element: <ComingSoonPage item={item} /> }));

/**
 * Pages live under /app (plus /login, /register, /invite) so that reloading a page never lands on
 * an API route of the same name: the API owns GET /contacts, /broadcasts, /users …
 */
export const routes: RouteObject[] = [
  { path: '/', element: <Navigate to="/app" replace /> },
  {
    path: '/register',
    element: (
      <PublicOnly>
        <RegisterPage />
      </PublicOnly>
    ),
  },
  {
    path: '/login',
    element: (
      <PublicOnly>
        <LoginPage />
      </PublicOnly>
    ),
  },
  { path: '/invite/:token', element: <AcceptInvitePage /> },
  {
    path: '/forgot-password',
    element: (
      <PublicOnly>
        <ForgotPasswordPage />
      </PublicOnly>
    ),
  },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/verify-email', element: <VerifyEmailPage /> },
  // Sandbox mode: GET /sandbox/outbox sends browsers here.
  { path: '/outbox', element: <SandboxOutboxPage /> },
  {
    path: '/app',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      ...placeholderRoutes,
      { path: 'inbox/:conversationId?', element: <InboxPage /> },
      {
        path: 'settings',
        element: (
          <RequireAdmin>
            <SettingsLayout />
          </RequireAdmin>
        ),
        children: [
          { index: true, element: <Navigate to="team" replace /> },
          { path: 'workspace', element: <WorkspaceIdCard /> },
          { path: 'team', element: <TeamSection /> },
          { path: 'whatsapp', element: <WhatsappSection /> },
          { path: 'ai', element: <AiSettingsSection /> },
          { path: 'knowledge', element: <KnowledgeSection /> },
          { path: 'canned-responses', element: <CannedResponsesSection /> },
          { path: 'labels', element: <LabelsSection /> },
        ],
      },
      // Agents see the plan read-only; the page itself hides what only admins may do.
      { path: 'billing', element: <BillingPage /> },
      { path: 'simulator', element: <SimulatorPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
