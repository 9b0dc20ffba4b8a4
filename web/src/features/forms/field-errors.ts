import type { z } from 'zod';
import { plainIssue, plainZodIssue } from '@domain/issue-words';
import { isApiError } from '../../api/api-error';
import { describeError } from './error-messages';

export type FieldErrors = Record<string, string>;

/** The email field's message for `email_taken`; the sign-up form puts a link to log in beside it. */
export const EMAIL_TAKEN_MESSAGE = 'An account with this email already exists.';

/** First message per field of a failed client-side parse, in plain words. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    if (!(key in out)) out[key] = plainZodIssue(issue);
  }
  return out;
}

/** Field messages an API error carries: `details` of a validation error, or a known conflict. */
export function apiFieldErrors(err: unknown): FieldErrors {
  if (!isApiError(err)) return {};
  const out: FieldErrors = {};
  for (const [path, detail] of Object.entries(err.fieldDetails())) {
    const field = path.replace(/^body\./, '');
    out[field] = plainIssue(field, detail.issue, detail.message);
  }
  if (err.code === 'email_taken' && !out.email) out.email = EMAIL_TAKEN_MESSAGE;
  if (err.code === 'workspace_taken' && !out.workspace) out.workspace = 'This workspace name is taken. Try another one.';
  return out;
}

export interface FormErrors {
  fields: FieldErrors;
  alert: string | null;
}

/**
 * Splits a failed submit into messages under the form's own inputs and one alert for the rest,
 * so no message is lost when the API names a field the form does not show.
 */
export function formErrorsFrom(err: unknown, known: readonly string[]): FormErrors {
  const fields: FieldErrors = {};
  const leftovers: string[] = [];
  for (const [path, message] of Object.entries(apiFieldErrors(err))) {
    if (known.includes(path)) fields[path] = message;
    else leftovers.push(`${path}: ${message}`);
  }
  if (Object.keys(fields).length && !leftovers.length) return { fields, alert: null };
  return { fields, alert: [describeError(err), ...leftovers].join(' ') };
}
