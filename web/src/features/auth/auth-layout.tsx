import type { ReactNode } from 'react';
import { Brand } from '../../components/brand';
import { Icon } from '../../components/icon';

interface AuthLayoutProps {
  title: string;
  /** The side panel's small print; the trial offer unless the page is not a sign-up (an invitation). */
  note?: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** What the product does today, and — marked as such — what has not landed yet. */
const highlights = [
  { text: 'A shared team inbox with an AI agent that hands off to people', soon: false },
  { text: 'Connect your WhatsApp Business number in a few clicks', soon: false },
  { text: 'Template broadcasts with delivery, read and reply tracking', soon: true },
  { text: 'Visual automations and a sales pipeline built on your chats', soon: true },
];

/** Sign-up, login and invite pages: a product panel beside a single focused card. */
export function AuthLayout({ title, note = '7-day free trial · no card needed', subtitle, children, footer }: AuthLayoutProps) {
  return (
    <div className="auth">
      <title>{`${title} · Aerostic`}</title>
      <aside className="auth__aside">
        <Brand inverted />
        <div className="auth__pitch">
          <h2>Grow your business on WhatsApp</h2>
          <ul>
            {highlights.map((h) => (
              <li key={h.text} data-testid={h.soon ? 'pitch-soon' : 'pitch-live'}>
                <span className="auth__check">
                  <Icon name={h.soon ? 'clock' : 'check'} size={14} />
                </span>
                <span>
                  {h.text}
                  {h.soon ? <span className="auth__soon">coming soon</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <p className="auth__small" data-testid="auth-note">
          {note}
        </p>
      </aside>
      <main className="auth__main">
        <div className="auth__card">
          <div className="auth__mobile-brand">
            <Brand />
          </div>
          <h1 className="auth__title">{title}</h1>
          {subtitle ? <p className="auth__subtitle">{subtitle}</p> : null}
          {children}
          {footer ? <div className="auth__footer">{footer}</div> : null}
        </div>
      </main>
    </div>
  );
}
