import type { TConversation } from '@domain/inbox';
import type { useLabels } from '../../inbox-settings/labels/use-labels';
import { handoffText } from '../conversation-text';
import { LabelsPanel } from './labels-panel';
import { NotesPanel } from './notes-panel';
import './side-panel.css';

interface Props {
  conversation: TConversation;
  labels: ReturnType<typeof useLabels>;
  onChanged(conversation: TConversation): void;
}

/** Beside the thread: why the AI handed over, the AI's share of replies, labels and private notes. */
export function SidePanel({ conversation, labels, onChanged }: Props) {
  return (
    <aside className="side-panel" data-testid="conversation-side-panel">
      <section className="side-panel__section">
        <h3 className="card__title">AI agent</h3>
        <p className="side-panel__fact">{conversation.aiReplyCount === 1 ? '1 AI reply' : `${conversation.aiReplyCount} AI replies`} in this conversation</p>
        {conversation.handoffReason ? (
          <p className="side-panel__fact side-panel__fact--handoff" data-testid="side-handoff-reason">
            Handed over: {handoffText(conversation.handoffReason)}
          </p>
        ) : null}
      </section>
      <LabelsPanel conversation={conversation} labels={labels} onChanged={onChanged} />
      <NotesPanel key={conversation.id} conversationId={conversation.id} />
    </aside>
  );
}
