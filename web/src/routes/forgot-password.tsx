import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZPasswordForgotSchema } from '@domain/auth';
import { forgotPassword } from '../api/auth';
import { Alert } from '../components/alert';
import { SubmitButton } from '../components/submit-button';
import { TextField } from '../components/text-field';
import { AuthLayout } from '../features/auth/auth-layout';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../features/forms/field-errors';
import { useFormCheck } from '../features/forms/use-form-check';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useFormCheck(ZPasswordForgotSchema, { email }, { labels: { email: 'Email' } });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZPasswordForgotSchema.safeParse({ email });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await forgotPassword(parsed.data);
      setSentTo(parsed.data.email);
    } catch (err) {
      const { fields, alert } = formErrorsFrom(err, ['email']);
      setErrors(fields);
      setAlert(alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="We will email you a link to choose a new one."
      footer={
        <>
          Remembered it? <Link to="/login">Log in</Link>
        </>
      }
    >
      {sentTo ? (
        <Alert tone="success" testId="forgot-sent">
          If an account uses <strong>{sentTo}</strong>, a reset link is on its way. It works once, for 30 minutes.
        </Alert>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate data-testid="forgot-form">
          {alert ? <Alert>{alert}</Alert> : null}
          <TextField
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            error={check.errors.email ?? errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <SubmitButton block busy={busy} reason={check.reason} data-testid="forgot-submit">
            Send reset link
          </SubmitButton>
        </form>
      )}
    </AuthLayout>
  );
}
