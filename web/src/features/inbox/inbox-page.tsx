import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import type { TConversation } from '@domain/inbox';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { PageHeader } from '../../components/page-header';
import { useLabels } from '../inbox-settings/labels/use-labels';
import { RealtimeIndicator } from '../realtime/realtime-indicator';
import { useLiveQueries } from '../realtime/use-live-queries';
import { useCurrentSession } from '../session/use-session';
import { ConversationView } from './conversation-view';
import { defaultFiltersFor, type InboxFilters } from './inbox-filters';
import { ConversationFilters } from './list/conversation-filters';
import { ConversationList } from './list/conversation-list';
import { useConversationCounts } from './use-conversation-counts';
import { useNotificationPermission } from './use-handoff-notifications';
import { useConversationList } from './use-conversation-list';
import { useInboxLive } from './use-inbox-live';
import { useOpenConversation } from './use-open-conversation';
import './inbox.css';

function NothingOpen() {
  return (
    <div className="empty-state inbox__empty">
      <span className="empty-state__icon">
        <Icon name="inbox" size={28} />
      </span>
      <h2>Pick a conversation</h2>
      <p>New messages appear on the left as they arrive. Open one to reply, take over from the AI, or leave a note.</p>
    </div>
  );
}

/** SPEC §2.6: the shared inbox, live over socket.io. The open conversation is in the URL (/app/inbox/:id). */
export function InboxPage() {
  const { user } = useCurrentSession();
  const { conversationId } = useParams();
  const [filters, setFilters] = useState<InboxFilters>(() => defaultFiltersFor(user.role));
  const list = useConversationList(filters, user.id);
  const open = useOpenConversation(conversationId);
  const labels = useLabels();
  const counts = useConversationCounts();
  const notifications = useNotificationPermission();
  const { upsert, remove, reload } = list;
  const { replace, reload: reloadOpen } = open;

  const onChanged = useCallback(
    (c: TConversation) => {
      upsert(c);
      replace(c);
    },
    [upsert, replace],
  );
  useLiveQueries();
  useInboxLive({
    onConversation: onChanged,
    onGone: remove,
    onResync: () => {
      void reload();
      reloadOpen();
    },
  });

  return (
    <section className="page page--full inbox-page" data-testid="page-inbox">
      <PageHeader
        title="Inbox"
        actions={
          <>
            {notifications.permission === 'default' ? (
              <Button variant="secondary" size="sm" onClick={notifications.ask} data-testid="inbox-notifications-enable">
                Notify me of hand-offs
              </Button>
            ) : null}
            <RealtimeIndicator />
          </>
        }
      />
      <div className="inbox">
        <aside className="inbox__list">
          <ConversationFilters filters={filters} labels={labels.labels} counts={counts} onChange={setFilters} />
          <ConversationList
            items={list.items}
            loading={list.loading}
            loadingMore={list.loadingMore}
            hasMore={list.nextCursor !== null}
            error={list.error}
            onLoadMore={() => void list.loadMore()}
            onRetry={() => void reload()}
          />
        </aside>
        <div className="inbox__main">
          {open.state.status === 'none' ? <NothingOpen /> : null}
          {open.state.status === 'loading' ? <p className="muted inbox__loading">Loading the conversation…</p> : null}
          {open.state.status === 'error' ? <Alert title="Could not open this conversation">{open.state.message}</Alert> : null}
          {open.state.status === 'ready' ? (
            <ConversationView key={open.state.conversation.id} conversation={open.state.conversation} labels={labels} onChanged={onChanged} />
          ) : null}
        </div>
      </div>
    </section>
  );
}
