import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ZOtpSchema, ZPasswordSchema, type TRegisterInitiateResponse } from '@domain/auth';
import { formatPhoneNumber } from '@domain/phone-display';
import { isApiError } from '../../api/api-error';
import { register, resendRegistrationCode } from '../../api/auth';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { useNow } from '../../lib/use-now';
import { describeError } from '../forms/error-messages';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../forms/field-errors';
import { clearPendingSignUp, type PendingSignUp } from './pending-sign-up';
import { registerFields } from './register-values';
import { useSession } from '../session/use-session';
import { SandboxCodePanel } from '../sandbox/sandbox-code-panel';

interface Props {
  pending: PendingSignUp;
  /** Known in this page's memory only: null after a reload, and then asked for again. */
  password: string | null;
  onResent(sent: TRegisterInitiateResponse): void;
  /** Back to the details form, optionally with errors the API found there. */
  onBack(errors?: FieldErrors): void;
}

export function OtpStep({ pending, password, onResent, onBack }: Props) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const now = useNow(1000);
  const [code, setCode] = useState('');
  const [retyped, setRetyped] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'verify' | 'resend' | null>(null);
  const resendIn = Math.max(0, Math.ceil((Date.parse(pending.resendAvailableAt) - now) / 1000));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    setNotice(null);
    const otp = ZOtpSchema.safeParse(code);
    const typed = password ?? retyped;
    const pass = ZPasswordSchema.safeParse(typed);
    const found: FieldErrors = {};
    if (!otp.success) found.otp = 'Enter the 6-digit code from WhatsApp.';
    if (!pass.success) found.password = zodFieldErrors(pass.error)._form ?? 'Enter your password.';
    setErrors(found);
    if (!otp.success || !pass.success) return;
    setBusy('verify');
    try {
      const { expiresAt: _expiresAt, resendAvailableAt: _resendAvailableAt, ...details } = pending;
      const auth = await register({ ...details, password: typed, otp: otp.data });
      clearPendingSignUp();
      await signIn(auth);
      navigate('/app', { replace: true });
    } catch (err) {
      setBusy(null);
      const { otp: otpError, password: passwordError, ...others } = apiFieldErrors(err);
      // A problem with the details (e.g. the email was taken meanwhile) is fixed on the first step.
      if (Object.keys(others).some((path) => (registerFields as readonly string[]).includes(path))) return onBack(others);
      if (passwordError && password === null) return setErrors({ password: passwordError });
      if (otpError) setErrors({ otp: otpError });
      else setAlert(describeError(err));
    }
  }

  async function onResend() {
    setAlert(null);
    setNotice(null);
    setBusy('resend');
    try {
      onResent(await resendRegistrationCode({ phone: pending.phone, email: pending.email }));
      setCode('');
      setNotice('We sent you a new code. Codes sent earlier no longer work.');
    } catch (err) {
      // The server's cooldown is the truth; its message says how long is left.
      setAlert(isApiError(err) && err.code === 'otp_resend_cooldown' ? `${err.message}.` : describeError(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="otp-step">
      <p className="otp-sent" data-testid="otp-sent-to">
        We sent a code to <strong>{formatPhoneNumber(pending.phone)}</strong> on WhatsApp.{' '}
        {Date.parse(pending.expiresAt) > now ? `It expires ${formatExpiry(pending.expiresAt)}.` : 'It has expired: send a new one.'}
      </p>
      <SandboxCodePanel phone={pending.phone} expiresAt={pending.expiresAt} onUse={setCode} />
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
        error={errors.otp}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
      />
      {password === null ? (
        <TextField
          name="password"
          label="Your password"
          type="password"
          autoComplete="new-password"
          hint="The password you chose on the first step. We never keep it in the browser, so a reload asks for it again."
          value={retyped}
          error={errors.password}
          onChange={(e) => setRetyped(e.target.value)}
        />
      ) : null}
      <Button type="submit" block busy={busy === 'verify'} disabled={busy !== null} data-testid="otp-submit">
        Verify and create workspace
      </Button>
      <div className="form__row">
        <Button variant="ghost" size="sm" onClick={() => onBack()} disabled={busy !== null} data-testid="otp-back">
          Change details
        </Button>
        <Button variant="ghost" size="sm" onClick={onResend} busy={busy === 'resend'} disabled={busy !== null || resendIn > 0} data-testid="otp-resend">
          {resendIn > 0 ? `Resend code in ${formatSeconds(resendIn)}` : 'Resend code'}
        </Button>
      </div>
    </form>
  );
}

function formatExpiry(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'in 10 minutes' : `at ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

function formatSeconds(total: number): string {
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
