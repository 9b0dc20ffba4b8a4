import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { Alert } from '../../components/alert';
import { SubmitButton } from '../../components/submit-button';
import { TextField } from '../../components/text-field';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../forms/field-errors';
import { useFormCheck } from '../forms/use-form-check';

interface NewPasswordFormProps<T> {
  /** The page's request schema over `{ token, password }`. */
  schema: z.ZodType<T>;
  /** From the link: a missing or mangled one is said at once, before anything is typed. */
  token: string;
  /** What to tell the user when the link's token is not usable. */
  incompleteLink: string;
  submit: (request: T) => Promise<void>;
  /** The alert for a refusal of the server (defaults to its own message). */
  describeFailure?: (err: unknown, alert: string | null) => string | null;
  labels: { password: string; confirm: string; submit: ReactNode };
  testId: string;
}

/**
 * Choosing a password from a mailed link (reset, invitation): the password and its confirmation,
 * checked as the API checks it before anything is sent, and the server's refusal under its field.
 */
export function NewPasswordForm<T>({ schema, token, incompleteLink, submit, describeFailure, labels, testId }: NewPasswordFormProps<T>) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(token ? null : incompleteLink);
  const [busy, setBusy] = useState(false);
  const mismatch = confirm !== password ? [{ path: 'confirm', message: 'The passwords do not match.' }] : [];
  const check = useFormCheck(schema, { token, password, confirm }, { extra: mismatch, labels: { password: labels.password, confirm: labels.confirm } });
  const shown = { ...errors, ...check.errors };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = schema.safeParse({ token, password });
    if (!parsed.success) {
      const fields = zodFieldErrors(parsed.error);
      if (fields.token) setAlert(incompleteLink);
      return setErrors(fields);
    }
    if (confirm !== password) return setErrors({ confirm: 'The passwords do not match.' });
    setErrors({});
    setBusy(true);
    try {
      await submit(parsed.data);
    } catch (err) {
      const refused = formErrorsFrom(err, ['password']);
      setErrors(refused.fields);
      setAlert(describeFailure ? describeFailure(err, refused.alert) : refused.alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid={`${testId}-form`}>
      {alert ? <Alert>{alert}</Alert> : null}
      <TextField
        name="password"
        label={labels.password}
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, with a letter and a digit."
        value={password}
        error={shown.password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <TextField
        name="confirm"
        label={labels.confirm}
        type="password"
        autoComplete="new-password"
        value={confirm}
        error={shown.confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
      <SubmitButton block busy={busy} reason={check.problems.token ? incompleteLink : check.reason} data-testid={`${testId}-submit`}>
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
