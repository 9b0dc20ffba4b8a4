import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { ZPasswordResetSchema } from '@domain/auth';
import { resetPassword } from '../api/auth';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { TextField } from '../components/text-field';
import { linkToken } from '../features/account/link-token';
import { AuthLayout } from '../features/auth/auth-layout';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../features/forms/field-errors';

/** Opened from the mailed link: choose a new password; every session of the account ends. */
export function ResetPasswordPage() {
  const token = linkToken(useLocation().hash);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(token ? null : 'This reset link is incomplete. Ask for a new one.');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZPasswordResetSchema.safeParse({ token, password });
    if (!parsed.success) {
      const fields = zodFieldErrors(parsed.error);
      if (fields.token) setAlert('This reset link is incomplete. Ask for a new one.');
      setErrors(fields);
      return;
    }
    if (confirm !== password) {
      setErrors({ confirm: 'The passwords do not match.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await resetPassword(parsed.data);
      setDone(true);
    } catch (err) {
      const { fields, alert } = formErrorsFrom(err, ['password']);
      setErrors(fields);
      setAlert(alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="You will be signed out everywhere else."
      footer={
        <>
          Need a new link? <Link to="/forgot-password">Send another</Link>
        </>
      }
    >
      {done ? (
        <Alert tone="success" testId="reset-done">
          Your password is changed and every session is signed out. <Link to="/login">Log in</Link> with the new password.
        </Alert>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate data-testid="reset-form">
          {alert ? <Alert>{alert}</Alert> : null}
          <TextField
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters, with a letter and a digit."
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            name="confirm"
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            value={confirm}
            error={errors.confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
          <Button type="submit" block busy={busy} data-testid="reset-submit">
            Set new password
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
