import { useState } from 'react';
import { Button } from '../../components/button';

/** A read-only value with a Copy button (ids people paste into other tools). */
export function CopyValue({ value, testId }: { value: string; testId: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure origin, no permission): the field stays selectable by hand.
      setCopied(false);
    }
  }

  return (
    <div className="copy-row">
      <input className="field__input mono" readOnly value={value} aria-label="Workspace ID" data-testid={testId} onFocus={(e) => e.target.select()} />
      <Button variant="secondary" size="sm" onClick={copy} data-testid={`${testId}-copy`}>
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
