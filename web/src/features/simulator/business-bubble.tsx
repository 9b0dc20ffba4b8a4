import type { BusinessMessage, PreviewButton } from './sim-client';
import './phone-messages.css';

interface BusinessBubbleProps {
  message: BusinessMessage;
  onButton: (button: PreviewButton) => void;
  onOpenList: () => void;
}

const MEDIA_LABEL: Record<string, string> = { image: 'Photo', video: 'Video', audio: 'Audio', document: 'Document', sticker: 'Sticker' };

export const timeOf = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function Media({ media }: { media: NonNullable<BusinessMessage['preview']['media']> }) {
  const kind = MEDIA_LABEL[media.type] ?? media.type;
  const label = media.filename ? `${kind} · ${media.filename}` : kind;
  return (
    <div className="phone-media" data-testid="phone-media">
      <span className="phone-media__label">{label}</span>
      {media.link ? (
        <a href={media.link} target="_blank" rel="noreferrer" className="phone-media__link">
          Open
        </a>
      ) : null}
    </div>
  );
}

/** A business message as the customer's WhatsApp shows it, with reply buttons they can tap. */
export function BusinessBubble({ message, onButton, onOpenList }: BusinessBubbleProps) {
  const p = message.preview;
  if (p.reaction) {
    return (
      <div className="phone-reaction" data-testid="phone-business-message">
        Reacted {p.reaction.emoji || '(removed)'} to your message
      </div>
    );
  }
  const failed = message.failureCode !== undefined;
  return (
    <div className="phone-row phone-row--business" data-testid="phone-business-message" data-wamid={message.wamid}>
      <div className={`phone-bubble phone-bubble--business${failed ? ' phone-bubble--failed' : ''}`}>
        {p.template ? <span className="phone-bubble__tag">Template · {p.template.name}</span> : null}
        {p.header ? <strong className="phone-bubble__header">{p.header}</strong> : null}
        {p.media ? <Media media={p.media} /> : null}
        {p.text ? <p className="phone-bubble__text">{p.text}</p> : null}
        {p.media?.caption ? <p className="phone-bubble__text">{p.media.caption}</p> : null}
        {p.location ? (
          <p className="phone-bubble__text">
            Location: {p.location.name ?? 'pinned'}
            {p.location.address ? ` — ${p.location.address}` : ''} ({p.location.latitude}, {p.location.longitude})
          </p>
        ) : null}
        {p.footer ? <span className="phone-bubble__footer">{p.footer}</span> : null}
        <span className="phone-bubble__meta">
          {failed ? (
            <span className="phone-bubble__failed" title={message.failureDetails}>
              Not delivered ({message.failureCode}) ·{' '}
            </span>
          ) : null}
          {timeOf(message.at)}
        </span>
      </div>
      {p.buttons?.length ? (
        <div className="phone-buttons">
          {p.buttons.map((button, i) =>
            button.url ? (
              <a key={i} className="phone-button" href={button.url} target="_blank" rel="noreferrer">
                ↗ {button.title}
              </a>
            ) : (
              <button key={i} type="button" className="phone-button" data-testid="phone-reply-button" onClick={() => onButton(button)}>
                ↩ {button.title}
              </button>
            ),
          )}
        </div>
      ) : null}
      {p.list ? (
        <div className="phone-buttons">
          <button type="button" className="phone-button" data-testid="phone-list-button" onClick={onOpenList}>
            ☰ {p.list.button}
          </button>
        </div>
      ) : null}
    </div>
  );
}
