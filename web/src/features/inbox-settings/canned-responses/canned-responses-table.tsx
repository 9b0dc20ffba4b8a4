import { useState } from 'react';
import type { TCannedResponse } from '@domain/inbox';
import { deleteCannedResponse } from '../../../api/canned-responses';
import { Button } from '../../../components/button';
import { ConfirmButton } from '../../../components/confirm-button';
import { describeError } from '../../forms/error-messages';
import { CannedResponseForm } from './canned-response-form';

interface Props {
  items: TCannedResponse[];
  onSaved(response: TCannedResponse): void;
  onDeleted(id: string): void;
  onError(message: string | null): void;
}

/** Each response with Edit (in place) and Delete. */
export function CannedResponsesTable({ items, onSaved, onDeleted, onError }: Props) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function remove(r: TCannedResponse) {
    setBusyId(r.id);
    onError(null);
    try {
      await deleteCannedResponse(r.id);
      onDeleted(r.id);
    } catch (err) {
      onError(`/${r.shortcut}: ${describeError(err)}`);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <ul className="canned-list" data-testid="canned-list">
      {items.map((r) => (
        <li key={r.id} className="canned-list__item" data-testid="canned-row" data-shortcut={r.shortcut}>
          {editingId === r.id ? (
            <CannedResponseForm
              editing={r}
              onSaved={(saved) => {
                setEditingId(null);
                onSaved(saved);
              }}
              onCancel={() => setEditingId(null)}
            />
          ) : (
            <>
              <div className="canned-list__text">
                <span className="canned-list__shortcut">/{r.shortcut}</span>
                <p className="canned-list__body">{r.body}</p>
              </div>
              <span className="confirm-inline">
                <Button variant="secondary" size="sm" onClick={() => setEditingId(r.id)} data-testid="canned-edit">
                  Edit
                </Button>
                <ConfirmButton label="Delete" confirmLabel="Delete for good" busy={busyId === r.id} onConfirm={() => void remove(r)} testId="canned-delete" />
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
