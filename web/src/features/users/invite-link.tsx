import { useState } from 'react';
import type { TInviteUserResponse } from '@domain/users';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

interface Props {
  invite: TInviteUserResponse;
  onDismiss(): void;
}

/**
 * After "Send invite": whether the email left, and the link itself, shown this once to the inviter
 * (only its hash is stored) as the fallback when the mail did not arrive or could not be sent.
 */
export function InviteLink({ invite, onDismiss }: Props) {
  const absolute = new URL(invite.inviteUrl, window.location.origin).toString();
  const [copied, setCopied] = useState(false);
  const { name, email } = invite.user;

  async function copy() {
    try {
      await navigator.clipboard.writeText(absolute);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Alert
      tone={invite.emailSent ? 'success' : 'warning'}
      title={invite.emailSent ? `Invitation emailed to ${name}` : `Invitation created for ${name}, but the email could not be sent`}
      testId="invite-result"
    >
      <p data-testid="invite-email-status">
        {invite.emailSent
          ? `We sent the invitation to ${email}. If it doesn't arrive, share this link with them instead. It is shown only once.`
          : `Our mail server didn't take the message to ${email}. The invitation is saved: share this link with them yourself. It is shown only once.`}
      </p>
      <div className="copy-row">
        <input className="field__input mono" readOnly value={absolute} data-testid="invite-url" onFocus={(e) => e.target.select()} />
        <Button variant="secondary" size="sm" onClick={copy} data-testid="invite-copy">
          {copied ? 'Copied' : 'Copy link'}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </Alert>
  );
}
