import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled multi-line input with its hint and its error message underneath. */
export function TextAreaField({ name, label, error, hint, className, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint} className={className}>
      {(control) => <textarea {...control} name={name} rows={rows} className="field__input field__input--area" {...textarea} />}
    </FieldFrame>
  );
}
