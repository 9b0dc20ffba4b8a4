import type { TConversation } from '@domain/inbox';
import { Badge } from '../../components/badge';
import { modeLabels } from './conversation-text';

const statusTone = { open: 'green', pending: 'amber', resolved: 'neutral' } as const;

export function StatusBadge({ status }: { status: TConversation['status'] }) {
  return (
    <span data-testid="conversation-status" data-status={status}>
      <Badge tone={statusTone[status]}>{status}</Badge>
    </span>
  );
}

/** Who answers right now: the AI (or an automation), or a person who took over. */
export function ModeBadge({ mode }: { mode: TConversation['mode'] }) {
  return (
    <span className={`mode-badge mode-badge--${mode}`} data-testid="conversation-mode" data-mode={mode}>
      <span className="mode-badge__dot" aria-hidden="true" />
      {modeLabels[mode]}
    </span>
  );
}
