import type { z } from 'zod';
import { AppError } from '../../domain/errors';

/** Parses `input` with `schema` or throws the SPEC §3 validation error naming each field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown, where: 'body' | 'query' | 'params'): z.infer<T> {
  const result = schema.safeParse(input ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : where,
    message: issue.message,
  }));
  const first = details[0];
  throw new AppError('validation_failed', `${first.path}: ${first.message}`, { details });
}
