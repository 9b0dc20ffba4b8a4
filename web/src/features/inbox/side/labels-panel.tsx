import { useState } from 'react';
import type { TConversation } from '@domain/inbox';
import { attachLabel, detachLabel } from '../../../api/conversations';
import { Alert } from '../../../components/alert';
import { describeError } from '../../forms/error-messages';
import { LabelChip } from '../../inbox-settings/labels/label-chip';
import type { useLabels } from '../../inbox-settings/labels/use-labels';

interface Props {
  conversation: TConversation;
  labels: ReturnType<typeof useLabels>;
  onChanged(conversation: TConversation): void;
}

/** The conversation's labels: remove with ×, add from the workspace's labels (managed in Settings). */
export function LabelsPanel({ conversation, labels, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attached = new Set(conversation.labels.map((l) => l.id));
  const available = labels.labels.filter((l) => !attached.has(l.id));

  async function change(call: () => Promise<TConversation>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await call());
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="side-panel__section" data-testid="labels-panel">
      <h3 className="card__title">Labels</h3>
      {error ? <Alert>{error}</Alert> : null}
      {labels.error ? <Alert title="Could not load the labels">{labels.error}</Alert> : null}
      <div className="label-list">
        {conversation.labels.length === 0 ? <span className="muted">No labels.</span> : null}
        {conversation.labels.map((l) => (
          <LabelChip
            key={l.id}
            name={l.name}
            color={l.color}
            action={
              <button
                type="button"
                className="label-chip__remove"
                aria-label={`Remove ${l.name}`}
                disabled={busy}
                onClick={() => void change(() => detachLabel(conversation.id, l.id))}
                data-testid="label-remove"
              >
                ×
              </button>
            }
          />
        ))}
      </div>
      {available.length ? (
        <select
          className="field__input field__input--compact"
          aria-label="Add a label"
          value=""
          disabled={busy}
          onChange={(e) => e.target.value && void change(() => attachLabel(conversation.id, e.target.value))}
          data-testid="label-add"
        >
          <option value="">Add a label…</option>
          {available.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      ) : null}
    </section>
  );
}
