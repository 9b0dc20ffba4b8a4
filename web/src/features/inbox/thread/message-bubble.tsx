import type { TInboxMessage } from '@domain/inbox';
import { DeliveryTicks } from './delivery-ticks';
import { MessageContent } from './message-content';
import { SenderBadge } from './sender-badge';

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** One message: the customer's on the left, the business's on the right with who sent it and its ticks. */
export function MessageBubble({ message }: { message: TInboxMessage }) {
  const outbound = message.direction === 'outbound';
  return (
    <li
      className={`bubble-row bubble-row--${message.direction}`}
      data-testid="thread-message"
      data-direction={message.direction}
      data-status={message.status}
      data-message-id={message.id}
    >
      <div className={`bubble bubble--${message.direction}${message.status === 'failed' ? ' bubble--failed' : ''}`}>
        {outbound ? <SenderBadge sender={message.sender} /> : null}
        <MessageContent message={message} />
        <span className="bubble__meta">
          <time dateTime={message.createdAt} title={new Date(message.createdAt).toLocaleString()}>
            {clock(message.createdAt)}
          </time>
          {outbound ? <DeliveryTicks status={message.status} /> : null}
        </span>
      </div>
      {message.status === 'failed' ? (
        <p className="bubble-row__error" data-testid="message-error">
          <strong>{message.error?.title ?? 'Not delivered'}</strong>
          {message.error?.detail ? ` — ${message.error.detail}` : null}
          {message.error?.code ? <span className="muted"> (code {message.error.code})</span> : null}
        </p>
      ) : null}
    </li>
  );
}
