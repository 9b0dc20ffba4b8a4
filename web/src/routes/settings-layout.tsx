import { NavLink, Outlet } from 'react-router';
import { PageHeader } from '../components/page-header';

const upcoming = ['AI agent', 'API keys & webhooks'];

export function SettingsLayout() {
  return (
    <section className="page" data-testid="settings">
      <PageHeader title="Settings" description="Manage your workspace." />
      <nav className="tabs" aria-label="Settings">
        <NavLink to="/app/settings/team" className="tabs__tab" data-testid="settings-team-tab">
          Team
        </NavLink>
        <NavLink to="/app/settings/whatsapp" className="tabs__tab" data-testid="settings-whatsapp-tab">
          WhatsApp
        </NavLink>
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
