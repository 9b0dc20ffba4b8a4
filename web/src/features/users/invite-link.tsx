import { useState } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';

interface Props {
  name: string;
  url: string;
  onDismiss(): void;
}

/** The invite link is shown once (only its hash is stored), so make it easy to copy. */
export function InviteLink({ name, url, onDismiss }: Props) {
  const absolute = new URL(url, window.location.origin).toString();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(absolute);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Alert tone="success" title={`Invitation created for ${name}`} testId="invite-result">
      <p>Share this link with them. It is shown only once.</p>
      <div className="copy-row">
        <input className="field__input mono" readOnly value={absolute} data-testid="invite-url" onFocus={(e) => e.target.select()} />
        <Button variant="secondary" size="sm" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </Alert>
  );
}
