import { useState } from 'react';
import { Link } from 'react-router';
import type { TRegisterInitiate, TRegisterInitiateResponse } from '@domain/auth';
import { AuthLayout } from '../features/auth/auth-layout';
import { OtpStep } from '../features/auth/otp-step';
import { clearPendingSignUp, loadPendingSignUp, savePendingSignUp, type PendingSignUp } from '../features/auth/pending-sign-up';
import { RegisterDetailsForm } from '../features/auth/register-details-form';
import { emptyRegisterValues, type RegisterValues } from '../features/auth/register-values';
import type { FieldErrors } from '../features/forms/field-errors';

/**
 * Sign-up in two steps: details (sends the WhatsApp OTP), then the code (creates the workspace). The
 * pending sign-up survives a reload (sessionStorage, without the password, which stays in memory).
 */
export function RegisterPage() {
  const [pending, setPending] = useState<PendingSignUp | null>(loadPendingSignUp);
  const [password, setPassword] = useState<string | null>(null);
  const [values, setValues] = useState<RegisterValues>(() => (pending ? { ...pending, password: '' } : emptyRegisterValues));
  const [detailsErrors, setDetailsErrors] = useState<FieldErrors | undefined>();

  function onCodeSent(data: TRegisterInitiate, sent: TRegisterInitiateResponse) {
    const next = { ...data, expiresAt: sent.expiresAt, resendAvailableAt: sent.resendAvailableAt };
    savePendingSignUp(next);
    setPending(next);
    setPassword(data.password);
  }

  if (pending) {
    return (
      <AuthLayout title="Verify your number" subtitle="One last step to create your workspace.">
        <OtpStep
          pending={pending}
          password={password}
          onResent={(sent) => {
            const next = { ...pending, expiresAt: sent.expiresAt, resendAvailableAt: sent.resendAvailableAt };
            savePendingSignUp(next);
            setPending(next);
          }}
          onBack={(errors) => {
            clearPendingSignUp();
            setPending(null);
            setDetailsErrors(errors);
          }}
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Create your workspace"
      subtitle="Start your 7-day free trial. No card needed."
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <RegisterDetailsForm values={values} onChange={setValues} initialErrors={detailsErrors} onOtpSent={onCodeSent} />
    </AuthLayout>
  );
}
