import { useId, type ReactNode } from 'react';

export interface FieldFrameProps {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
  /** Renders the control with the ids that tie it to its label and message. */
  children(control: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined; 'data-testid': string }): ReactNode;
}

/** A form control's label above it and its hint or error underneath (TextField, TextAreaField). */
export function FieldFrame({ name, label, error, hint, className, children }: FieldFrameProps) {
  const id = useId();
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, 'data-testid': `${name}-input` })}
      {error ? (
        <p id={`${id}-error`} className="field__error" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
