import { useState } from 'react';
import type { TConversation } from '@domain/inbox';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import type { useLabels } from '../inbox-settings/labels/use-labels';
import { Composer } from './composer/composer';
import { ConversationActions } from './header/conversation-actions';
import { ConversationHeader } from './header/conversation-header';
import { useTeamOptions } from './header/use-team-options';
import { SidePanel } from './side/side-panel';
import { MessageList } from './thread/message-list';
import { useMarkRead } from './use-mark-read';
import './thread/thread.css';
import { useThread } from './use-thread';

interface Props {
  conversation: TConversation;
  labels: ReturnType<typeof useLabels>;
  onChanged(conversation: TConversation): void;
}

/** One open conversation: header with actions, the thread, the composer, and the side panel. Mount per conversation. */
export function ConversationView({ conversation, labels, onChanged }: Props) {
  const thread = useThread(conversation.id);
  const team = useTeamOptions();
  const [actionError, setActionError] = useState<string | null>(null);
  useMarkRead(conversation, onChanged);
  const assignee = team.find((t) => t.id === conversation.assignedTo)?.name ?? null;

  return (
    <div className="conversation" data-testid="conversation-view" data-conversation-id={conversation.id}>
      <section className="thread">
        <ConversationHeader
          conversation={conversation}
          assigneeName={assignee}
          actions={<ConversationActions conversation={conversation} team={team} onChanged={onChanged} onError={setActionError} />}
        />
        {actionError ? (
          <Alert testId="conversation-action-error">
            {actionError}{' '}
            <Button variant="ghost" size="sm" onClick={() => setActionError(null)}>
              Dismiss
            </Button>
          </Alert>
        ) : null}
        {thread.error ? <Alert title="Could not load the messages">{thread.error}</Alert> : null}
        {thread.loading ? <p className="muted thread__loading">Loading messages…</p> : null}
        <MessageList messages={thread.messages} hasOlder={thread.olderCursor !== null} loadingOlder={thread.loadingOlder} onLoadOlder={() => void thread.loadOlder()} />
        <Composer conversation={conversation} onSent={thread.refreshNewest} />
      </section>
      <SidePanel conversation={conversation} labels={labels} onChanged={onChanged} />
    </div>
  );
}
