import { formatPhoneNumber } from '@domain/phone-display';
import { outboxPageUrl } from '../../api/sandbox';
import { Button } from '../../components/button';
import { useSandboxCode } from './use-sandbox-code';
import './sandbox.css';

interface Props {
  phone: string;
  /** The current code's expiry: a new code, a new read. */
  expiresAt: string;
  onUse(code: string): void;
}

/** Sandbox mode only: the code the platform would have sent on WhatsApp, right where it is typed. */
export function SandboxCodePanel({ phone, expiresAt, onUse }: Props) {
  const code = useSandboxCode(phone, expiresAt);
  if (!code) return null;
  return (
    <section className="sandbox-panel" data-testid="sandbox-code-panel" aria-label="Sandbox code">
      <span className="sandbox-tag">Sandbox</span>
      <p className="sandbox-panel__text">No WhatsApp message is sent in sandbox mode. The code for {formatPhoneNumber(phone)} is</p>
      <div className="sandbox-panel__row">
        <output className="sandbox-panel__code" data-testid="sandbox-code">
          {code}
        </output>
        <Button variant="secondary" size="sm" onClick={() => onUse(code)} data-testid="sandbox-code-use">
          Use this code
        </Button>
      </div>
      <a href={outboxPageUrl(phone)} target="_blank" rel="noreferrer" data-testid="sandbox-outbox-link">
        Everything sent to this number
      </a>
    </section>
  );
}
