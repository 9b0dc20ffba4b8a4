import { useId, type ReactNode } from 'react';

interface ToggleFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
}

/** An on/off switch (a checkbox underneath, so keyboards and screen readers know it). */
export function ToggleField({ name, label, checked, onChange, hint }: ToggleFieldProps) {
  const id = useId();
  return (
    <div className="toggle-field">
      <input id={id} type="checkbox" role="switch" className="toggle-field__input" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={`${name}-input`} />
      <label htmlFor={id} className="toggle-field__label">
        <span className="toggle-field__track" aria-hidden="true" />
        <span>
          <span className="toggle-field__text">{label}</span>
          {hint ? <span className="field__hint toggle-field__hint">{hint}</span> : null}
        </span>
      </label>
    </div>
  );
}
