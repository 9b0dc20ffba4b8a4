import { useState } from 'react';
import type { TLabel } from '@domain/inbox';
import { deleteLabel } from '../../../api/labels';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ConfirmButton } from '../../../components/confirm-button';
import { describeError } from '../../forms/error-messages';
import { LabelChip } from './label-chip';
import { LabelForm } from './label-form';
import { useLabels } from './use-labels';
import './labels.css';

/** Settings → Labels: the tags agents put on conversations, and filter the inbox by. */
export function LabelsSection() {
  const labels = useLabels();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  async function remove(label: TLabel) {
    setBusyId(label.id);
    setRowError(null);
    try {
      await deleteLabel(label.id);
      labels.remove(label.id);
    } catch (err) {
      setRowError(`${label.name}: ${describeError(err)}`);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="stack" data-testid="labels-section">
      <section className="card card--flat">
        <h2 className="card__title">New label</h2>
        <LabelForm onCreated={labels.add} />
      </section>
      <section className="card card--flat">
        <h2 className="card__title">Labels</h2>
        {rowError ? <Alert>{rowError}</Alert> : null}
        {labels.error ? (
          <Alert title="Could not load the labels">
            {labels.error}{' '}
            <Button variant="ghost" size="sm" onClick={() => void labels.reload()}>
              Try again
            </Button>
          </Alert>
        ) : null}
        <ul className="labels-manage">
          {labels.labels.map((l) => (
            <li key={l.id} className="labels-manage__item" data-testid="label-row">
              <LabelChip name={l.name} color={l.color} />
              <ConfirmButton label="Delete" confirmLabel="Remove from every conversation" busy={busyId === l.id} onConfirm={() => void remove(l)} testId="label-delete" />
            </li>
          ))}
        </ul>
        {!labels.loading && !labels.error && labels.labels.length === 0 ? (
          <p className="muted" data-testid="labels-empty">
            No labels yet.
          </p>
        ) : null}
        {labels.loading ? <p className="muted">Loading…</p> : null}
      </section>
    </div>
  );
}
