import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../../domain/errors';
import { issueFacts } from '../../domain/issue-facts';
import { findUnsafeText } from '../../domain/safe-text';

/**
 * Parses `input` with `schema` or throws the SPEC §3 validation error naming each field. Every string
 * the route will see, keys included, is then checked: a NUL or a lone surrogate is refused here, once,
 * for every route, instead of reaching Postgres (which rejects both with a server error). Checked after
 * parsing, so properties the schema strips do not matter.
 */
export function validate<T extends z.ZodType>(schema: T, input: unknown, where: 'body' | 'query' | 'params'): z.infer<T> {
  const result = schema.safeParse(input ?? (where === 'body' ? undefined : {}), { reportInput: true });
  if (result.success) {
    const unsafe = findUnsafeText(result.data);
    if (!unsafe) return result.data;
    throw validationFailed([{ path: unsafe.path.length ? unsafe.path.join('.') : where, message: unsafe.reason, issue: { code: 'invalid_format', format: 'safe_text' } }]);
  }
  throw validationFailed(
    result.error.issues.map((issue) => ({
      path: issue.path.length ? issue.path.join('.') : where,
      message: issue.message,
      issue: issueFacts(issue),
    })),
  );
}

function validationFailed(details: ErrorDetail[]): AppError {
  const first = details[0];
  return new AppError('validation_failed', `${first.path}: ${first.message}`, { details });
}
