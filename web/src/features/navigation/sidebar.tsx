import { NavLink } from 'react-router';
import { Brand } from '../../components/brand';
import { Icon } from '../../components/icon';
import { useConversationCounts } from '../inbox/use-conversation-counts';
import { useHandoffNotifications } from '../inbox/use-handoff-notifications';
import { useCurrentSession } from '../session/use-session';
import { useSandboxMode } from '../simulator/use-sandbox-info';
import { LogoutButton } from './logout-button';
import { navItemsFor } from './nav-items';

export function Sidebar() {
  const { user, tenant } = useCurrentSession();
  const sandbox = useSandboxMode();
  const waiting = useConversationCounts()?.needsHuman ?? 0;
  useHandoffNotifications(user.id);
  return (
    <aside className="sidebar">
      <div className="sidebar__top">
        <Brand inverted />
        <p className="sidebar__workspace" title={tenant.name}>
          {tenant.name}
        </p>
      </div>
      <nav className="sidebar__nav" aria-label="Main" data-testid="main-nav">
        <NavLink to="/app" end className="nav-link">
          <Icon name="home" />
          <span>Dashboard</span>
        </NavLink>
        {navItemsFor(user.role, sandbox).map((item) => (
          <NavLink key={item.path} to={`/app/${item.path}`} className="nav-link" data-testid={`nav-${item.path}`}>
            <Icon name={item.icon} />
            <span>{item.label}</span>
            {item.soon ? (
              <small className="nav-soon" title="Coming soon" data-testid="nav-soon">
                soon
              </small>
            ) : null}
            {item.path === 'inbox' && waiting > 0 ? (
              <span className="nav-badge" aria-label={`${waiting} waiting for a human`} data-testid="nav-inbox-badge">
                {waiting > 99 ? '99+' : waiting}
              </span>
            ) : null}
          </NavLink>
        ))}
      </nav>
      <div className="sidebar__footer">
        <div className="sidebar__user">
          <span className="avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          <span className="sidebar__user-text">
            <span className="sidebar__user-name" data-testid="current-user-name">
              {user.name}
            </span>
            <span className="sidebar__user-role">{user.role === 'admin' ? 'Admin' : 'Agent'}</span>
          </span>
        </div>
        <LogoutButton />
      </div>
    </aside>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}
