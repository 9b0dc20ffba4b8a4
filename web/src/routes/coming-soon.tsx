import { PageHeader } from '../components/page-header';
import type { NavItem } from '../features/navigation/nav-items';
import { Icon } from '../components/icon';

/** Placeholder for a section whose screens have not landed yet. */
export function ComingSoonPage({ item }: { item: NavItem }) {
  return (
    <section className="page" data-testid={`page-${item.path}`}>
      <PageHeader title={item.label} />
      <div className="empty-state" data-testid="coming-soon">
        <span className="empty-state__icon">
          <Icon name={item.icon} size={28} />
        </span>
        <h2>{item.label} is coming soon</h2>
        <p>{item.summary}</p>
      </div>
    </section>
  );
}
