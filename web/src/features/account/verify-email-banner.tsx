import { useState } from 'react';
import { resendVerificationEmail } from '../../api/auth';
import { Icon } from '../../components/icon';
import { describeError } from '../forms/error-messages';
import { useCurrentSession } from '../session/use-session';

/** Shown until the address is proven by the mailed link; offers to send the link again. */
export function VerifyEmailBanner() {
  const { user, emailVerified } = useCurrentSession();
  const [state, setState] = useState<{ status: 'idle' | 'sending' | 'sent' } | { status: 'failed'; message: string }>({ status: 'idle' });
  if (emailVerified) return null;

  async function resend() {
    setState({ status: 'sending' });
    try {
      await resendVerificationEmail();
      setState({ status: 'sent' });
    } catch (err) {
      setState({ status: 'failed', message: describeError(err) });
    }
  }

  return (
    <div className="trial-banner verify-banner" data-testid="verify-email-banner" role="status">
      <Icon name="mail" size={16} />
      <span>
        Confirm your email: we sent a link to <strong>{user.email}</strong>.
      </span>
      {state.status === 'sent' ? (
        <span className="trial-banner__note" data-testid="verify-email-resent">
          A new link is on its way.
        </span>
      ) : state.status === 'failed' ? (
        <span className="trial-banner__note">{state.message}</span>
      ) : (
        <button type="button" className="trial-banner__cta" onClick={resend} disabled={state.status === 'sending'} data-testid="verify-email-resend">
          Send it again
        </button>
      )}
    </div>
  );
}
