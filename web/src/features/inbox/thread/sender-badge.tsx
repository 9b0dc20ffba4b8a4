import type { TMessageSender } from '@domain/inbox';

const senders: Partial<Record<TMessageSender, { label: string; tone: string }>> = {
  ai: { label: 'AI', tone: 'ai' },
  agent: { label: 'Agent', tone: 'agent' },
  system: { label: 'System', tone: 'system' },
  automation: { label: 'Automation', tone: 'automation' },
  api: { label: 'API', tone: 'system' },
};

/** Who wrote an outbound message: the AI, a teammate, an automation, or Aerostic itself (opt-out confirmations). */
export function SenderBadge({ sender }: { sender: TMessageSender }) {
  const known = senders[sender] ?? { label: sender, tone: 'system' };
  return (
    <span className={`sender-badge sender-badge--${known.tone}`} data-testid="sender-badge">
      {known.label}
    </span>
  );
}
