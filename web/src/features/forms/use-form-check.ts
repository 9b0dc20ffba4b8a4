import { useState } from 'react';
import type { z } from 'zod';
import { plainIssue } from '@domain/issue-words';
import { zodFieldErrors, type FieldErrors } from './field-errors';

export interface FormCheckOptions {
  /** Problems the schema cannot see (hours that close before they open), as path and plain words. */
  extra?: ReadonlyArray<{ path: string; message: string }>;
  /** Field labels, to name the field in the button's reason ("Confidence needed to reply: Must be 1 or less"). */
  labels?: Readonly<Record<string, string>>;
}

export interface FormCheck {
  /** Plain words per field path, only for fields the person has changed (a fresh form shows none). */
  errors: FieldErrors;
  /** Every problem, changed or not (a broken link's token, which nobody types). */
  problems: FieldErrors;
  valid: boolean;
  /** Why the submit button is off, shown beside it; null while the input is valid. */
  reason: string | null;
}

/**
 * Checks a form's input with the same domain schema the API uses, on every change: the submit button
 * stays off while anything fails and says why, and a changed field shows its problem at once.
 */
export function useFormCheck(schema: z.ZodType, input: Record<string, unknown>, options: FormCheckOptions = {}): FormCheck {
  const [initial] = useState(() => snapshot(input));
  const parsed = schema.safeParse(input, { reportInput: true });
  const all: FieldErrors = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)) };
  for (const problem of options.extra ?? []) if (!(problem.path in all)) all[problem.path] = plainIssue(problem.path, undefined, problem.message);

  const changed = (path: string) => {
    const key = path.split('.')[0];
    return JSON.stringify(input[key]) !== initial[key];
  };
  const errors = Object.fromEntries(Object.entries(all).filter(([path]) => changed(path)));
  const first = Object.entries(all)[0];
  const label = first ? (options.labels?.[first[0]] ?? options.labels?.[first[0].split('.')[0]]) : undefined;
  return {
    errors,
    problems: all,
    valid: !first,
    reason: first ? (label ? `${label}: ${first[1]}` : first[1]) : null,
  };
}

function snapshot(input: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, JSON.stringify(v)]));
}
