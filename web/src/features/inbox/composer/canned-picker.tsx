import type { TCannedResponse } from '@domain/inbox';

interface Props {
  query: string;
  matches: TCannedResponse[];
  highlighted: number;
  loading: boolean;
  error: string | null;
  onPick(response: TCannedResponse): void;
}

/** The "/" menu above the composer: shortcut and body of each match; arrows move, Enter or a click inserts. */
export function CannedPicker({ query, matches, highlighted, loading, error, onPick }: Props) {
  return (
    <div className="canned-picker" role="listbox" aria-label="Canned responses" data-testid="canned-picker">
      {error ? <p className="canned-picker__note">Could not load canned responses: {error}</p> : null}
      {!error && loading ? <p className="canned-picker__note">Loading canned responses…</p> : null}
      {!error && !loading && matches.length === 0 ? <p className="canned-picker__note">No canned response matches “/{query}”.</p> : null}
      {matches.map((r, i) => (
        <button
          key={r.id}
          type="button"
          role="option"
          aria-selected={i === highlighted}
          className={`canned-picker__item${i === highlighted ? ' is-active' : ''}`}
          // mousedown, not click: the textarea must keep its focus and caret.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(r);
          }}
          data-testid="canned-option"
        >
          <span className="canned-picker__shortcut">/{r.shortcut}</span>
          <span className="canned-picker__body">{r.body}</span>
        </button>
      ))}
    </div>
  );
}
