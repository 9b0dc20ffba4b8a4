import { useId, type ComponentProps } from 'react';
import { Button } from './button';

interface SubmitButtonProps extends Omit<ComponentProps<typeof Button>, 'type'> {
  /** Why the button is off (the form's first problem); the button is disabled while it is set. */
  reason: string | null;
  'data-testid': string;
}

/** A form's submit button that is off while the input is invalid, with the reason written beside it. */
export function SubmitButton({ reason, disabled, className, ...button }: SubmitButtonProps) {
  const id = useId();
  const testId = button['data-testid'];
  return (
    <span className={`submit${className ? ` ${className}` : ''}`}>
      <Button type="submit" disabled={disabled || Boolean(reason)} aria-describedby={reason ? id : undefined} title={reason ?? undefined} {...button} />
      {reason ? (
        <span id={id} className="submit__reason" data-testid={`${testId}-reason`}>
          {reason}
        </span>
      ) : null}
    </span>
  );
}
