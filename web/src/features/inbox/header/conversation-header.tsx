import type { ReactNode } from 'react';
import type { TConversation } from '@domain/inbox';
import { contactName, contactPhoneLine } from '../conversation-text';
import { Badge } from '../../../components/badge';
import { ModeBadge, StatusBadge } from '../conversation-badges';

/** Who the customer is and where the conversation stands; the actions sit on the right. */
export function ConversationHeader({ conversation, assigneeName, actions }: { conversation: TConversation; assigneeName: string | null; actions: ReactNode }) {
  const name = contactName(conversation);
  const phone = contactPhoneLine(conversation);
  return (
    <header className="thread__header" data-testid="conversation-header">
      <div className="thread__who">
        <h2 className="thread__name">{name}</h2>
        <p className="thread__facts">
          {phone ? <span className="mono">{phone}</span> : null}
          <StatusBadge status={conversation.status} />
          <ModeBadge mode={conversation.mode} />
          {conversation.optedOut ? (
            <span data-testid="conversation-opted-out" title="They sent STOP: nothing can be sent to them until they send START">
              <Badge tone="red">Opted out (sent STOP)</Badge>
            </span>
          ) : null}
          <span className="muted" data-testid="conversation-assignee">
            {conversation.assignedTo ? `Assigned to ${assigneeName ?? 'a teammate'}` : 'Unassigned'}
          </span>
        </p>
      </div>
      {actions}
    </header>
  );
}
