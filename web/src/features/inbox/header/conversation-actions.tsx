import { useState } from 'react';
import type { TConversation } from '@domain/inbox';
import { assignConversation, runConversationAction, type ConversationAction } from '../../../api/conversations';
import { Button } from '../../../components/button';
import { describeError } from '../../forms/error-messages';
import { useCurrentSession } from '../../session/use-session';
import { useAiEnabled } from '../use-ai-enabled';
import { AssignSelect } from './assign-select';
import type { Teammate } from './use-team-options';

interface Props {
  conversation: TConversation;
  team: Teammate[];
  onChanged(conversation: TConversation): void;
  onError(message: string | null): void;
}

/** Take over / release, assign, resolve / reopen: each answers with the updated conversation. */
export function ConversationActions({ conversation, team, onChanged, onError }: Props) {
  const { user } = useCurrentSession();
  const aiEnabled = useAiEnabled();
  const [busy, setBusy] = useState<string | null>(null);

  async function run(name: string, call: () => Promise<TConversation>) {
    setBusy(name);
    onError(null);
    try {
      onChanged(await call());
    } catch (err) {
      onError(describeError(err));
    } finally {
      setBusy(null);
    }
  }
  const action = (name: ConversationAction) => () => void run(name, () => runConversationAction(conversation.id, name));
  const humanMode = conversation.mode === 'agent';
  // Releasing to an AI that is off would leave the customer with nobody; an unassigned team conversation can be taken.
  const canRelease = humanMode && aiEnabled !== false;
  const canTakeOver = !humanMode || conversation.assignedTo === null;
  const resolved = conversation.status === 'resolved';

  return (
    <div className="conversation-actions">
      {canRelease ? (
        <Button
          variant="secondary"
          size="sm"
          busy={busy === 'release'}
          disabled={busy !== null}
          onClick={action('release')}
          data-testid="conversation-release"
          title="Let the AI answer this conversation again"
        >
          Release to AI
        </Button>
      ) : null}
      {canTakeOver ? (
        <Button
          size="sm"
          busy={busy === 'takeover'}
          disabled={busy !== null}
          onClick={action('takeover')}
          data-testid="conversation-takeover"
          title={humanMode ? 'Answer this conversation yourself' : 'Stop the AI and answer yourself'}
        >
          Take over
        </Button>
      ) : null}
      <AssignSelect
        assignedTo={conversation.assignedTo}
        team={team}
        currentUserId={user.id}
        disabled={busy !== null}
        onAssign={(userId) => void run('assign', () => assignConversation(conversation.id, userId))}
      />
      {resolved ? (
        <Button variant="secondary" size="sm" busy={busy === 'reopen'} disabled={busy !== null} onClick={action('reopen')} data-testid="conversation-reopen">
          Reopen
        </Button>
      ) : (
        <Button variant="secondary" size="sm" busy={busy === 'resolve'} disabled={busy !== null} onClick={action('resolve')} data-testid="conversation-resolve">
          Resolve
        </Button>
      )}
    </div>
  );
}
