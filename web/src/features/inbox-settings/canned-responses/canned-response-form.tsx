import { useState, type FormEvent } from 'react';
import { ZCannedResponseCreateSchema, type TCannedResponse } from '@domain/inbox';
import { isApiError } from '../../../api/api-error';
import { createCannedResponse, updateCannedResponse } from '../../../api/canned-responses';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { SubmitButton } from '../../../components/submit-button';
import { TextAreaField } from '../../../components/text-area-field';
import { TextField } from '../../../components/text-field';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { useFormCheck } from '../../forms/use-form-check';

interface Props {
  /** Edits this response; without it the form creates one. */
  editing?: TCannedResponse;
  onSaved(response: TCannedResponse): void;
  onCancel?(): void;
}

const fields = ['shortcut', 'body'] as const;

/** A reply agents insert by typing "/shortcut" in the composer. */
export function CannedResponseForm({ editing, onSaved, onCancel }: Props) {
  const [shortcut, setShortcut] = useState(editing?.shortcut ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = editing ? 'canned-edit' : 'canned';
  const input = { shortcut: shortcut.replace(/^\//, ''), body };
  const check = useFormCheck(ZCannedResponseCreateSchema, input, { labels: { shortcut: 'Shortcut', body: 'Reply' } });
  const shown = { ...errors, ...check.errors };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZCannedResponseCreateSchema.safeParse(input);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      onSaved(editing ? await updateCannedResponse(editing.id, parsed.data) : await createCannedResponse(parsed.data));
      if (!editing) {
        setShortcut('');
        setBody('');
      }
    } catch (err) {
      const result = formErrorsFrom(err, fields);
      const taken = isApiError(err) && err.code === 'conflict';
      setErrors(taken ? { ...result.fields, shortcut: 'Another canned response already uses this shortcut.' } : result.fields);
      setAlert(taken ? null : result.alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form canned-form" onSubmit={onSubmit} noValidate data-testid={`${prefix}-form`}>
      {alert ? <Alert>{alert}</Alert> : null}
      <TextField
        name={`${prefix}-shortcut`}
        label="Shortcut"
        value={shortcut}
        error={shown.shortcut}
        onChange={(e) => setShortcut(e.target.value)}
        placeholder="e.g. hours"
        hint="Letters, digits, - and _. Agents type /hours."
      />
      <TextAreaField
        name={`${prefix}-body`}
        label="Reply"
        rows={3}
        value={body}
        error={shown.body}
        onChange={(e) => setBody(e.target.value)}
        placeholder="We are open 10:00–20:00, Monday to Saturday."
      />
      <div className="confirm-inline">
        <SubmitButton size="sm" busy={busy} reason={check.reason} data-testid={`${prefix}-submit`}>
          {editing ? 'Save' : 'Add canned response'}
        </SubmitButton>
        {onCancel ? (
          <Button variant="ghost" size="sm" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
