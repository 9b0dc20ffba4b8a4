import type { TConversation } from '@domain/inbox';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ConversationRow } from './conversation-row';

interface Props {
  items: TConversation[];
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: string | null;
  onLoadMore(): void;
  onRetry(): void;
}

export function ConversationList({ items, loading, loadingMore, hasMore, error, onLoadMore, onRetry }: Props) {
  return (
    <div className="conversation-list" data-testid="conversation-list" aria-busy={loading || undefined}>
      {error ? (
        <Alert title="Could not load conversations">
          {error}{' '}
          <Button variant="ghost" size="sm" onClick={onRetry}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {loading && items.length === 0 ? <p className="muted conversation-list__note">Loading conversations…</p> : null}
      {!loading && !error && items.length === 0 ? (
        <p className="muted conversation-list__note" data-testid="conversation-list-empty">
          No conversations here.
        </p>
      ) : null}
      <ul className="conversation-list__items">
        {items.map((c) => (
          <ConversationRow key={c.id} conversation={c} />
        ))}
      </ul>
      {hasMore ? (
        <div className="conversation-list__more">
          <Button variant="secondary" size="sm" busy={loadingMore} onClick={onLoadMore} data-testid="conversation-load-more">
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
