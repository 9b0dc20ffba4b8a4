import { useId, useState, type FormEvent } from 'react';
import { ZNoteCreateSchema } from '@domain/inbox';
import { addNote } from '../../../api/conversations';
import { Alert } from '../../../components/alert';
import { SubmitButton } from '../../../components/submit-button';
import { formErrorsFrom, zodFieldErrors } from '../../forms/field-errors';
import { useFormCheck } from '../../forms/use-form-check';
import { useNotes } from './use-notes';

/** Private notes for the team; the customer never sees them. */
export function NotesPanel({ conversationId }: { conversationId: string }) {
  const notes = useNotes(conversationId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useFormCheck(ZNoteCreateSchema, { body }, { labels: { body: 'Note' } });
  const shownError = check.errors.body ?? error;
  const errorId = useId();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = ZNoteCreateSchema.safeParse({ body });
    if (!parsed.success) return setError(zodFieldErrors(parsed.error).body ?? 'Write a note first.');
    setBusy(true);
    setError(null);
    try {
      notes.append(await addNote(conversationId, parsed.data.body));
      setBody('');
    } catch (err) {
      const { fields, alert } = formErrorsFrom(err, ['body']);
      setError(fields.body ?? alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="side-panel__section" data-testid="notes-panel">
      <h3 className="card__title">Private notes</h3>
      {notes.error ? <Alert title="Could not load the notes">{notes.error}</Alert> : null}
      {notes.loading ? <p className="muted">Loading notes…</p> : null}
      {!notes.loading && !notes.error && notes.notes.length === 0 ? <p className="muted">No notes yet. Only your team sees them.</p> : null}
      <ul className="notes">
        {notes.notes.map((n) => (
          <li key={n.id} className="note" data-testid="note">
            <p className="note__body">{n.body}</p>
            <p className="note__meta">
              {n.authorName ?? 'Someone'} · {new Date(n.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
            </p>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={onSubmit} noValidate>
        <textarea
          className="field__input field__input--area"
          rows={3}
          placeholder="Add a note for your team…"
          aria-label="New note"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? errorId : undefined}
          data-testid="note-input"
        />
        {shownError ? (
          <p id={errorId} className="field__error" data-testid="note-error">
            {shownError}
          </p>
        ) : null}
        <SubmitButton size="sm" variant="secondary" busy={busy} reason={check.reason} data-testid="note-submit">
          Add note
        </SubmitButton>
      </form>
    </section>
  );
}
