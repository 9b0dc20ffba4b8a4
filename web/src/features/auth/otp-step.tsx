import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ZOtpSchema, type TRegisterInitiate } from '@domain/auth';
import { formatPhoneNumber } from '@domain/phone-display';
import { initiateRegistration, register } from '../../api/auth';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { describeError } from '../forms/error-messages';
import { apiFieldErrors, type FieldErrors } from '../forms/field-errors';
import { registerFields } from './register-values';
import { useSession } from '../session/use-session';
import { SandboxCodePanel } from '../sandbox/sandbox-code-panel';

interface Props {
  data: TRegisterInitiate;
  expiresAt: string;
  onResent(expiresAt: string): void;
  /** Back to the details form, optionally with errors the API found there. */
  onBack(errors?: FieldErrors): void;
}

export function OtpStep({ data, expiresAt, onResent, onBack }: Props) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'verify' | 'resend' | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    setNotice(null);
    const otp = ZOtpSchema.safeParse(code);
    if (!otp.success) {
      setError('Enter the 6-digit code from WhatsApp.');
      return;
    }
    setError(undefined);
    setBusy('verify');
    try {
      const auth = await register({ ...data, otp: otp.data });
      await signIn(auth);
      navigate('/app', { replace: true });
    } catch (err) {
      setBusy(null);
      const { otp: otpError, ...others } = apiFieldErrors(err);
      // A problem with the details (e.g. the email was taken meanwhile) is fixed on the first step.
      if (Object.keys(others).some((path) => (registerFields as readonly string[]).includes(path))) return onBack(others);
      if (otpError) setError(otpError);
      else setAlert(describeError(err));
    }
  }

  async function onResend() {
    setAlert(null);
    setNotice(null);
    setBusy('resend');
    try {
      const res = await initiateRegistration(data);
      onResent(res.expiresAt);
      setCode('');
      setNotice('We sent you a new code. Codes sent earlier no longer work.');
    } catch (err) {
      setAlert(describeError(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="otp-step">
      <p className="otp-sent" data-testid="otp-sent-to">
        We sent a code to <strong>{formatPhoneNumber(data.phone)}</strong> on WhatsApp. It expires {formatExpiry(expiresAt)}.
      </p>
      <SandboxCodePanel phone={data.phone} expiresAt={expiresAt} onUse={setCode} />
      {alert ? <Alert>{alert}</Alert> : null}
      {notice ? (
        <Alert tone="success" testId="otp-notice">
          {notice}
        </Alert>
      ) : null}
      <TextField
        name="otp"
        label="6-digit code"
        className="field--otp"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="••••••"
        autoFocus
        value={code}
        error={error}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      <Button type="submit" block busy={busy === 'verify'} disabled={busy !== null} data-testid="otp-submit">
        Verify and create workspace
      </Button>
      <div className="form__row">
        <Button variant="ghost" size="sm" onClick={() => onBack()} disabled={busy !== null} data-testid="otp-back">
          Change details
        </Button>
        <Button variant="ghost" size="sm" onClick={onResend} busy={busy === 'resend'} disabled={busy !== null} data-testid="otp-resend">
          Send a new code
        </Button>
      </div>
    </form>
  );
}

function formatExpiry(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'in 10 minutes' : `at ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}
