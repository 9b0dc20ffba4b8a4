import type { TInboxMessage } from '@domain/inbox';
import { list, mediaRef, messageText, num, obj, text, type Content } from './content-fields';
import { MediaPreview } from './media-preview';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker']);

function Location({ c }: { c: Content }) {
  const lat = num(c, 'latitude');
  const lng = num(c, 'longitude');
  const label = [text(c, 'name'), text(c, 'address')].filter(Boolean).join(', ') || 'Shared location';
  if (lat === undefined || lng === undefined) return <p className="bubble__text">📍 {label}</p>;
  return (
    <a
      className="bubble__link"
      href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`}
      target="_blank"
      rel="noreferrer"
      data-testid="message-location"
    >
      📍 {label}{' '}
      <span className="muted">
        ({lat.toFixed(5)}, {lng.toFixed(5)})
      </span>
    </a>
  );
}

function Contacts({ c }: { c: Content }) {
  const cards = list(c, 'contacts');
  return (
    <ul className="bubble__cards" data-testid="message-contacts">
      {cards.map((card, i) => (
        <li key={i}>
          👤 <strong>{text(obj(card, 'name'), 'formatted_name') ?? 'Contact'}</strong>{' '}
          {list(card, 'phones')
            .map((p) => text(p, 'phone') ?? text(p, 'wa_id'))
            .filter(Boolean)
            .join(', ')}
        </li>
      ))}
    </ul>
  );
}

/** Interactive messages the business sent: the body, then its buttons or list rows as they were offered. */
function Offered({ body, footer, options }: { body?: string; footer?: string; options: string[] }) {
  return (
    <>
      {body ? <p className="bubble__text">{body}</p> : null}
      {footer ? <p className="bubble__footer">{footer}</p> : null}
      <ul className="bubble__options">
        {options.map((o, i) => (
          <li key={i}>{o}</li>
        ))}
      </ul>
    </>
  );
}

function Template({ c }: { c: Content }) {
  const template = obj(c, 'template');
  const variables = Array.isArray(template?.variables) ? (template.variables as unknown[]).map(String) : [];
  return (
    <p className="bubble__text">
      <span className="bubble__tag">Template</span> <strong>{text(template, 'name') ?? 'unnamed'}</strong> <span className="muted">({text(template, 'language') ?? '—'})</span>
      {variables.length ? <span className="bubble__variables"> · {variables.join(' · ')}</span> : null}
    </p>
  );
}

/** Any message, readable: text, media, location, contacts, replies to buttons and lists, templates, reactions. */
export function MessageContent({ message }: { message: TInboxMessage }) {
  const c = message.content;
  const type = message.type;
  if (MEDIA_TYPES.has(type)) return <MediaPreview media={mediaRef(type, c)} />;
  if (type === 'location') return <Location c={c} />;
  if (type === 'contacts') return <Contacts c={c} />;
  if (type === 'template') return <Template c={c} />;
  if (type === 'reaction') return <p className="bubble__text">Reacted {text(c, 'emoji') ?? '(removed)'} to a message</p>;
  if (type === 'buttons') {
    const b = obj(c, 'buttons');
    return <Offered body={text(b, 'body')} footer={text(b, 'footer')} options={list(b, 'options').map((o) => text(o, 'title') ?? '')} />;
  }
  if (type === 'list') {
    const l = obj(c, 'list');
    const rows = list(l, 'sections').flatMap((s) => list(s, 'rows').map((r) => text(r, 'title') ?? ''));
    return <Offered body={text(l, 'body')} options={[`☰ ${text(l, 'button') ?? 'Options'}: ${rows.join(', ')}`]} />;
  }
  const body = messageText(type, c);
  if (type === 'interactive' || type === 'button') {
    const row = obj(c, 'list_reply');
    return (
      <p className="bubble__text">
        <span className="bubble__tag">{row ? 'Picked' : 'Tapped'}</span> {body ?? '—'}
        {row && text(row, 'description') ? <span className="muted"> · {text(row, 'description')}</span> : null}
      </p>
    );
  }
  if (body !== undefined) return <p className="bubble__text">{body}</p>;
  return <p className="bubble__text muted">Unsupported message ({type})</p>;
}
