import { useState } from 'react';
import { Link } from 'react-router';
import type { TRegisterInitiate } from '@domain/auth';
import { AuthLayout } from '../features/auth/auth-layout';
import { OtpStep } from '../features/auth/otp-step';
import { RegisterDetailsForm } from '../features/auth/register-details-form';
import { emptyRegisterValues, type RegisterValues } from '../features/auth/register-values';
import type { FieldErrors } from '../features/forms/field-errors';

type Step = { kind: 'details'; errors?: FieldErrors } | { kind: 'otp'; data: TRegisterInitiate; expiresAt: string };

/** Sign-up in two steps: details (sends the WhatsApp OTP), then the code (creates the workspace). */
export function RegisterPage() {
  const [values, setValues] = useState<RegisterValues>(emptyRegisterValues);
  const [step, setStep] = useState<Step>({ kind: 'details' });

  if (step.kind === 'otp') {
    return (
      <AuthLayout title="Verify your number" subtitle="One last step to create your workspace.">
        <OtpStep data={step.data} expiresAt={step.expiresAt} onResent={(expiresAt) => setStep({ ...step, expiresAt })} onBack={(errors) => setStep({ kind: 'details', errors })} />
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
      <RegisterDetailsForm values={values} onChange={setValues} initialErrors={step.errors} onOtpSent={(data, expiresAt) => setStep({ kind: 'otp', data, expiresAt })} />
    </AuthLayout>
  );
}
