import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../components/page-header';

const tabs = [
  { path: 'workspace', label: 'Workspace' },
  { path: 'team', label: 'Team' },
  { path: 'whatsapp', label: 'WhatsApp' },
  { path: 'ai', label: 'AI agent' },
  { path: 'knowledge', label: 'Knowledge base' },
  { path: 'canned-responses', label: 'Canned responses' },
  { path: 'labels', label: 'Labels' },
];
const upcoming = ['API keys & webhooks'];

export function SettingsLayout() {
  return (
    <section className="page" data-testid="settings">
      <PageHeader title="Settings" description="Manage your workspace." />
      <nav className="tabs" aria-label="Settings">
        {tabs.map((tab) => (
          <NavLink key={tab.path} to={`/app/settings/${tab.path}`} className="tabs__tab" data-testid={`settings-${tab.path}-tab`}>
            {tab.label}
          </NavLink>
        ))}
        {upcoming.map((label) => (
          <span key={label} className="tabs__tab tabs__tab--disabled" aria-disabled="true" title="Coming soon">
            {label} <small>soon</small>
          </span>
        ))}
      </nav>
      <Outlet />
    </section>
  );
}
