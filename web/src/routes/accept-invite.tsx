import { Link, useNavigate, useParams } from 'react-router';
import type { TInvitation } from '@domain/users';
import { ZAcceptInviteSchema } from '@domain/users';
import { acceptInvite } from '../api/auth';
import { isApiError } from '../api/api-error';
import { Alert } from '../components/alert';
import { AuthLayout } from '../features/auth/auth-layout';
import { NewPasswordForm } from '../features/auth/new-password-form';
import { useInvitation } from '../features/auth/use-invitation';
import { describeError } from '../features/forms/error-messages';
import { useSession } from '../features/session/use-session';

const INVALID_LINK = 'This invite link is invalid, expired or already used. Ask your admin to send a new one.';

/** An invited teammate opens the link from their admin, sees which workspace it is for, and sets a password. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  const invite = invitation.data;

  return (
    <AuthLayout
      title={invite ? `Join ${invite.workspaceName}` : 'Join your team'}
      note="Joining is free for you: your workspace's admin looks after the plan."
      subtitle={invite ? <InvitationSummary invite={invite} /> : 'Choose a password to accept the invitation.'}
      footer={
        <>
          Already set up? <Link to="/login">Log in</Link>
        </>
      }
    >
      {invitation.isError ? (
        <Alert testId="invite-invalid">{isApiError(invitation.error) && invitation.error.status === 404 ? INVALID_LINK : describeError(invitation.error)}</Alert>
      ) : (
        <NewPasswordForm
          schema={ZAcceptInviteSchema}
          token={token}
          incompleteLink="This invite link is incomplete. Ask your admin for a new one."
          submit={async (request) => {
            await signIn(await acceptInvite(request));
            navigate('/app', { replace: true });
          }}
          describeFailure={(err, alert) => (alert === null ? null : inviteErrorMessage(err))}
          labels={{ password: 'Password', confirm: 'Confirm password', submit: invite ? `Join ${invite.workspaceName}` : 'Accept invitation' }}
          testId="invite"
        />
      )}
    </AuthLayout>
  );
}

function InvitationSummary({ invite }: { invite: TInvitation }) {
  return (
    <span data-testid="invite-summary">
      {invite.inviterName ?? 'An admin'} invited <strong>{invite.email}</strong> to join as {invite.role === 'admin' ? 'an admin' : 'an agent'}. Choose a password to accept.
    </span>
  );
}

/** A wrong, used or expired token is the likely failure; say so instead of a bare status. */
function inviteErrorMessage(err: unknown): string {
  if (isApiError(err) && ([401, 404, 410, 422].includes(err.status) || err.details.some((d) => d.path === 'token'))) return INVALID_LINK;
  return describeError(err);
}
