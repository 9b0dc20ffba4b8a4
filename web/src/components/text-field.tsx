import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldFrame } from './field-frame';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with its hint and its error message underneath. */
export function TextField({ name, label, error, hint, className, ...input }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint} className={className}>
      {(control) => <input {...control} name={name} className="field__input" {...input} />}
    </FieldFrame>
  );
}
