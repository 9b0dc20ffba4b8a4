import type { ReactNode } from 'react';

interface Props {
  /** What is asked, and any error from the last attempt. */
  children: ReactNode;
  /** The answers: confirm first, the way back last. */
  actions: ReactNode;
  tone?: 'neutral' | 'danger';
  label: string;
  testId: string;
}

/** A question asked in place, under the button that raised it (switch plan, cancel subscription …). */
export function Dialog({ children, actions, tone = 'neutral', label, testId }: Props) {
  return (
    <div className={`confirm-box${tone === 'danger' ? ' confirm-box--danger' : ''}`} role="group" aria-label={label} data-testid={testId}>
      {children}
      <div className="confirm-box__buttons">{actions}</div>
    </div>
  );
}
