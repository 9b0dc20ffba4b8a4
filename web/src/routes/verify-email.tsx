import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { verifyEmail } from '../api/auth';
import { Alert } from '../components/alert';
import { linkToken } from '../features/account/link-token';
import { AuthLayout } from '../features/auth/auth-layout';
import { describeError } from '../features/forms/error-messages';
import { useSession } from '../features/session/use-session';

type State = { status: 'verifying' } | { status: 'verified' } | { status: 'failed'; message: string };

/** Opened from the mailed link: confirms the address, then points back into the app. */
export function VerifyEmailPage() {
  const token = linkToken(useLocation().hash);
  const { state: session, reload } = useSession();
  const [state, setState] = useState<State>(token ? { status: 'verifying' } : { status: 'failed', message: 'This link is incomplete. Send a new one from the banner in the app.' });
  // A link works once: StrictMode's second effect run must not spend it again.
  const sent = useRef(false);
  const signedIn = session.status === 'authenticated';

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verifyEmail(token).then(
      () => setState({ status: 'verified' }),
      (err: unknown) => setState({ status: 'failed', message: describeError(err) }),
    );
  }, [token]);

  useEffect(() => {
    if (state.status === 'verified' && signedIn) void reload().catch(() => undefined);
  }, [state.status, signedIn, reload]);

  return (
    <AuthLayout title="Confirm your email" subtitle="One click proves this address is yours.">
      <div data-testid="verify-email-page">
        {state.status === 'verifying' ? (
          <Alert tone="info" testId="verify-email-pending">
            Confirming your email…
          </Alert>
        ) : null}
        {state.status === 'verified' ? (
          <Alert tone="success" testId="verify-email-done">
            Your email is confirmed. <Link to={signedIn ? '/app' : '/login'}>{signedIn ? 'Back to Aerostic' : 'Log in'}</Link>
          </Alert>
        ) : null}
        {state.status === 'failed' ? <Alert testId="verify-email-failed">{state.message}</Alert> : null}
      </div>
    </AuthLayout>
  );
}
