import { NavLink } from 'react-router';
import type { TConversation } from '@domain/inbox';
import { LabelChip } from '../../inbox-settings/labels/label-chip';
import { ModeBadge } from '../conversation-badges';
import { contactName, contactPhoneLine, handoffText, shortTime } from '../conversation-text';

/** A conversation in the list: who, when, unread count, who answers (AI or a person), and why it waits. */
export function ConversationRow({ conversation }: { conversation: TConversation }) {
  const name = contactName(conversation);
  const phone = contactPhoneLine(conversation);
  const unread = conversation.unread > 0;
  return (
    <li>
      <NavLink
        to={`/app/inbox/${conversation.id}`}
        className={`conversation-row${unread ? ' conversation-row--unread' : ''}`}
        data-testid="conversation-row"
        data-conversation-id={conversation.id}
        data-phone={conversation.contact.phone}
      >
        <span className="conversation-row__top">
          <span className="conversation-row__name">{name}</span>
          <time className="conversation-row__time" dateTime={conversation.lastMessageAt ?? undefined}>
            {shortTime(conversation.lastMessageAt)}
          </time>
        </span>
        <span className="conversation-row__bottom">
          <ModeBadge mode={conversation.mode} />
          {phone ? <span className="conversation-row__phone">{phone}</span> : null}
          {unread ? (
            <span className="unread-badge" aria-label={`${conversation.unread} unread`} data-testid="unread-badge">
              {conversation.unread}
            </span>
          ) : null}
        </span>
        {conversation.status === 'pending' && conversation.handoffReason ? (
          <span className="conversation-row__handoff" data-testid="handoff-reason">
            {handoffText(conversation.handoffReason)}
          </span>
        ) : null}
        {conversation.labels.length ? (
          <span className="label-list label-list--small">
            {conversation.labels.map((l) => (
              <LabelChip key={l.id} name={l.name} color={l.color} />
            ))}
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}
