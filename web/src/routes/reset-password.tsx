import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ZPasswordResetSchema } from '@domain/auth';
import { resetPassword } from '../api/auth';
import { Alert } from '../components/alert';
import { linkToken } from '../features/account/link-token';
import { AuthLayout } from '../features/auth/auth-layout';
import { NewPasswordForm } from '../features/auth/new-password-form';

/** Opened from the mailed link: choose a new password; every session of the account ends. */
export function ResetPasswordPage() {
  const token = linkToken(useLocation().hash);
  const [done, setDone] = useState(false);

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
        <NewPasswordForm
          schema={ZPasswordResetSchema}
          token={token}
          incompleteLink="This reset link is incomplete. Ask for a new one."
          submit={async (request) => {
            await resetPassword(request);
            setDone(true);
          }}
          labels={{ password: 'New password', confirm: 'Confirm new password', submit: 'Set new password' }}
          testId="reset"
        />
      )}
    </AuthLayout>
  );
}
