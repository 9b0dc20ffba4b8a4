import { Link, useNavigate, useParams } from 'react-router';
import { ZAcceptInviteSchema } from '@domain/users';
import { acceptInvite } from '../api/auth';
import { isApiError } from '../api/api-error';
import { AuthLayout } from '../features/auth/auth-layout';
import { NewPasswordForm } from '../features/auth/new-password-form';
import { describeError } from '../features/forms/error-messages';
import { useSession } from '../features/session/use-session';

/** An invited teammate opens the link from their admin and sets a password. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const { signIn } = useSession();
  const navigate = useNavigate();

  return (
    <AuthLayout
      title="Join your team"
      subtitle="Choose a password to accept the invitation."
      footer={
        <>
          Already set up? <Link to="/login">Log in</Link>
        </>
      }
    >
      <NewPasswordForm
        schema={ZAcceptInviteSchema}
        token={token}
        incompleteLink="This invite link is incomplete. Ask your admin for a new one."
        submit={async (request) => {
          await signIn(await acceptInvite(request));
          navigate('/app', { replace: true });
        }}
        describeFailure={(err, alert) => (alert === null ? null : inviteErrorMessage(err))}
        labels={{ password: 'Password', confirm: 'Confirm password', submit: 'Accept invitation' }}
        testId="invite"
      />
    </AuthLayout>
  );
}

/** A wrong, used or expired token is the likely failure; say so instead of a bare status. */
function inviteErrorMessage(err: unknown): string {
  if (isApiError(err) && ([401, 404, 410, 422].includes(err.status) || err.details.some((d) => d.path === 'token'))) {
    return 'This invite link is invalid, expired or already used. Ask your admin to send a new one.';
  }
  return describeError(err);
}
