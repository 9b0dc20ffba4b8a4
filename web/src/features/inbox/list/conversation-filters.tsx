import { useEffect, useState } from 'react';
import { conversationStatuses, type TConversationCounts, type TLabel } from '@domain/inbox';
import type { InboxFilters, ModeFilter, Ownership } from '../inbox-filters';

interface Props {
  filters: InboxFilters;
  labels: TLabel[];
  counts: TConversationCounts | undefined;
  onChange(filters: InboxFilters): void;
}

const SEARCH_DEBOUNCE_MS = 300;
const statusLabels = { open: 'Open', pending: 'Pending', resolved: 'Resolved' } as const;

/** Status tabs, then who / answered by / label, and a search that waits for a pause in typing. */
export function ConversationFilters({ filters, labels, counts, onChange }: Props) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  return (
    <div className="inbox-filters" data-testid="inbox-filters">
      <label className="inbox-filters__needs-human" data-testid="inbox-filter-needs-human">
        <input type="checkbox" checked={filters.needsHuman} onChange={(e) => onChange({ ...filters, needsHuman: e.target.checked })} />
        <span>Needs a human</span>
        {counts ? <TabCount n={counts.needsHuman} testId="inbox-needs-human-count" /> : null}
      </label>
      <div className="tabs tabs--compact" role="tablist" aria-label="Status">
        {conversationStatuses.map((s) => {
          const active = !filters.needsHuman && filters.status === s;
          return (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={active}
              className={`tabs__tab${active ? ' active' : ''}`}
              onClick={() => onChange({ ...filters, status: s, needsHuman: false })}
              data-testid={`inbox-tab-${s}`}
            >
              {statusLabels[s]}
              {counts ? <TabCount n={counts[s]} testId={`inbox-tab-count-${s}`} /> : null}
            </button>
          );
        })}
      </div>
      <input
        type="search"
        className="field__input field__input--compact inbox-filters__search"
        placeholder="Search name or last 4 digits"
        aria-label="Search conversations"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="inbox-search"
      />
      <div className="inbox-filters__selects">
        <select
          className="field__input field__input--compact"
          aria-label="Assigned to"
          value={filters.ownership}
          onChange={(e) => onChange({ ...filters, ownership: e.target.value as Ownership })}
          data-testid="inbox-filter-owner"
        >
          <option value="all">Everyone</option>
          <option value="mine">Mine</option>
          <option value="unassigned">Unassigned</option>
        </select>
        <select
          className="field__input field__input--compact"
          aria-label="Answered by"
          value={filters.mode}
          onChange={(e) => onChange({ ...filters, mode: e.target.value as ModeFilter })}
          data-testid="inbox-filter-mode"
        >
          <option value="">Any mode</option>
          <option value="ai">AI</option>
          <option value="agent">Human</option>
          <option value="automation">Automation</option>
        </select>
        <select
          className="field__input field__input--compact"
          aria-label="Label"
          value={filters.label}
          onChange={(e) => onChange({ ...filters, label: e.target.value })}
          data-testid="inbox-filter-label"
        >
          <option value="">Any label</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function TabCount({ n, testId }: { n: number; testId: string }) {
  return (
    <span className={`tab-count${n > 0 ? ' tab-count--some' : ''}`} data-testid={testId} data-count={n}>
      {n > 999 ? '999+' : n}
    </span>
  );
}
