import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ZAcceptInviteSchema } from '@domain/users';
import { acceptInvite } from '../api/auth';
import { isApiError } from '../api/api-error';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { TextField } from '../components/text-field';
import { AuthLayout } from '../features/auth/auth-layout';
import { describeError } from '../features/forms/error-messages';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../features/forms/field-errors';
import { useSession } from '../features/session/use-session';

/** An invited teammate opens the link from their admin and sets a password. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZAcceptInviteSchema.safeParse({ token, password });
    if (!parsed.success) {
      const fields = zodFieldErrors(parsed.error);
      if (fields.token) setAlert('This invite link is incomplete. Ask your admin for a new one.');
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
      await signIn(await acceptInvite(parsed.data));
      navigate('/app', { replace: true });
    } catch (err) {
      const { fields, alert } = formErrorsFrom(err, ['password']);
      setErrors(fields);
      setAlert(alert === null ? null : inviteErrorMessage(err));
      setBusy(false);
    }
  }

  return (
    <AuthLayout
      title="Join your team"
      subtitle="Choose a password to accept the invitation."
      footer={
        <>
          Already set up? <Link to="/login">Log in</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate data-testid="invite-form">
        {alert ? <Alert>{alert}</Alert> : null}
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters, with a letter and a digit."
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          name="confirm"
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          error={errors.confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <Button type="submit" block busy={busy} data-testid="invite-submit">
          Accept invitation
        </Button>
      </form>
    </AuthLayout>
  );
}

/** A wrong, used or expired token is the likely failure; say so instead of a bare status. */
function inviteErrorMessage(err: unknown): string {
  if (isApiError(err) && ([401, 404, 410, 422].includes(err.status) || err.details.some((d) => d.path === 'token'))) {
    return 'This invite link is invalid, expired or already used. Ask your admin to send a new one.';
  }
  return describeError(err);
}
