import { useState } from 'react';
import { Button } from './button';

interface Props {
  label: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  testId: string;
}

/** A destructive action that asks once more in place ("Delete" → "Delete for good" / "Cancel"). */
export function ConfirmButton({ label, confirmLabel, busy, onConfirm, testId }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="danger" size="sm" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm-inline">
      <Button variant="danger" size="sm" busy={busy} onClick={onConfirm} data-testid={`${testId}-confirm`}>
        {confirmLabel}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setAsking(false)} disabled={busy}>
        Cancel
      </Button>
    </span>
  );
}
