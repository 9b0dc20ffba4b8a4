import type { ReactNode } from 'react';

interface AlertProps {
  tone?: 'error' | 'info' | 'success' | 'warning';
  title?: string;
  children: ReactNode;
  testId?: string;
}

/** Errors are announced (role="alert"); other tones are polite status messages. */
export function Alert({ tone = 'error', title, children, testId = 'form-alert' }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {title ? <strong className="alert__title">{title}</strong> : null}
      <div className="alert__body">{children}</div>
    </div>
  );
}
