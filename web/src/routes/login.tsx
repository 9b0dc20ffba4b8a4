import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ZLoginSchema } from '@domain/auth';
import { login } from '../api/auth';
import { Alert } from '../components/alert';
import { SubmitButton } from '../components/submit-button';
import { TextField } from '../components/text-field';
import { AuthLayout } from '../features/auth/auth-layout';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../features/forms/field-errors';
import { emailFromLoginLink } from '../features/auth/login-link';
import { useFormCheck } from '../features/forms/use-form-check';
import type { LoginRedirectState } from '../features/session/require-auth';
import { useSession } from '../features/session/use-session';

export function LoginPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const redirect = (location.state ?? {}) as LoginRedirectState;
  const [email, setEmail] = useState(() => emailFromLoginLink(location.search));
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useFormCheck(ZLoginSchema, { email, password }, { labels: { email: 'Email', password: 'Password' } });
  const shown = { ...errors, ...check.errors };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZLoginSchema.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await signIn(await login(parsed.data));
      navigate(redirect.from?.startsWith('/app') ? redirect.from : '/app', { replace: true });
    } catch (err) {
      const { fields, alert } = formErrorsFrom(err, ['email', 'password']);
      setErrors(fields);
      setAlert(alert);
      setBusy(false);
    }
  }

  return (
    <AuthLayout
      title="Welcome back"
      subtitle="Log in to your Aerostic workspace."
      footer={
        <>
          New to Aerostic? <Link to="/register">Create a workspace</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate data-testid="login-form">
        {redirect.expired && !alert ? (
          <Alert tone="info" testId="session-expired">
            Your session has ended. Please log in again.
          </Alert>
        ) : null}
        {alert ? <Alert>{alert}</Alert> : null}
        <TextField name="email" label="Email" type="email" autoComplete="email" value={email} error={shown.email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          error={shown.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SubmitButton block busy={busy} reason={check.reason} data-testid="login-submit">
          Log in
        </SubmitButton>
        <p className="form__aside">
          <Link to="/forgot-password" data-testid="forgot-password-link">
            Forgot password?
          </Link>
        </p>
      </form>
    </AuthLayout>
  );
}
