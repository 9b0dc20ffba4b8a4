import { Fragment } from 'react';
import type { TOutboxResponse } from '@domain/sandbox';
import { formatDateTime } from '../../lib/format';
import { formatPhoneNumber } from '@domain/phone-display';

type OutboxMessage = TOutboxResponse['data'][number];

const kindLabels: Record<string, string> = {
  otp: 'Sign-up code',
  trial_reminder: 'Trial reminder',
  email_verification: 'Email verification',
  password_reset: 'Password reset',
};

const kindLabel = (kind: string) => kindLabels[kind] ?? kind.replace(/[_-]+/g, ' ');

/** Verification and reset mails carry their link: shown as a link, so the sandbox user can follow it. */
function MessageText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <p className="outbox-item__body">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </p>
  );
}

/** What the platform sent, newest first, as a person reads it. */
export function OutboxList({ messages }: { messages: OutboxMessage[] }) {
  if (!messages.length) {
    return (
      <p className="muted" data-testid="outbox-empty">
        Nothing was sent here yet.
      </p>
    );
  }
  return (
    <ol className="outbox__list">
      {messages.map((m) => (
        <li key={`${m.createdAt}:${m.kind}:${m.body}`} className="outbox-item" data-testid="outbox-item">
          <div className="outbox-item__meta">
            <span className="outbox-item__kind">{kindLabel(m.kind)}</span>
            <span>
              to {m.to.includes('@') ? m.to : formatPhoneNumber(m.to)} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
            </span>
          </div>
          <MessageText text={m.body} />
        </li>
      ))}
    </ol>
  );
}
