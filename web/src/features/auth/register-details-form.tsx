import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZRegisterInitiateSchema, type TRegisterInitiate, type TRegisterInitiateResponse } from '@domain/auth';
import { initiateRegistration } from '../../api/auth';
import { Alert } from '../../components/alert';
import { SubmitButton } from '../../components/submit-button';
import { TextField } from '../../components/text-field';
import { EMAIL_TAKEN_MESSAGE, formErrorsFrom, zodFieldErrors, type FieldErrors } from '../forms/field-errors';
import { useFormCheck } from '../forms/use-form-check';
import { loginLink } from './login-link';
import { normalizePhone, registerFields, type RegisterValues } from './register-values';

interface Props {
  values: RegisterValues;
  onChange(values: RegisterValues): void;
  /** Errors the OTP step sent back (e.g. the email was taken meanwhile). */
  initialErrors?: FieldErrors;
  onOtpSent(data: TRegisterInitiate, sent: TRegisterInitiateResponse): void;
}

const registerLabels = { name: 'Your name', email: 'Work email', phone: 'WhatsApp number', workspace: 'Workspace name', password: 'Password' };

export function RegisterDetailsForm({ values, onChange, initialErrors = {}, onOtpSent }: Props) {
  const [errors, setErrors] = useState<FieldErrors>(initialErrors);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useFormCheck(ZRegisterInitiateSchema, { ...values, phone: normalizePhone(values.phone) }, { labels: registerLabels });

  const field = (name: keyof RegisterValues) => ({
    name,
    value: values[name],
    error: check.errors[name] ?? errors[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...values, [name]: e.target.value }),
  });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    const parsed = ZRegisterInitiateSchema.safeParse({ ...values, phone: normalizePhone(values.phone) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onOtpSent(parsed.data, await initiateRegistration(parsed.data));
    } catch (err) {
      const { fields, alert } = formErrorsFrom(err, registerFields);
      setErrors(fields);
      setAlert(alert);
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="register-form">
      {alert ? <Alert>{alert}</Alert> : null}
      <TextField label="Your name" autoComplete="name" placeholder="Priya Sharma" {...field('name')} />
      <TextField label="Work email" type="email" autoComplete="email" placeholder="priya@yourshop.in" {...field('email')} />
      {errors.email === EMAIL_TAKEN_MESSAGE ? (
        <p className="field__hint" data-testid="email-taken-login">
          <Link to={loginLink(values.email)}>Log in with this email instead</Link>
        </p>
      ) : null}
      <TextField
        label="WhatsApp number"
        type="tel"
        autoComplete="tel"
        placeholder="+91 98123 45678"
        hint="With country code. We'll send a 6-digit code here."
        {...field('phone')}
      />
      <TextField label="Workspace name" autoComplete="organization" placeholder="Priya's Boutique" {...field('workspace')} />
      <TextField label="Password" type="password" autoComplete="new-password" hint="At least 10 characters, with a letter and a digit." {...field('password')} />
      <SubmitButton block busy={busy} reason={check.reason} data-testid="register-submit">
        Continue
      </SubmitButton>
    </form>
  );
}
