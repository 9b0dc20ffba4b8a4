/** Postgres reports a unique violation as SQLSTATE 23505 with the constraint's name. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const pgErr = (err as { nativeError?: unknown }).nativeError ?? err;
  const { code, constraint: name } = pgErr as { code?: string; constraint?: string };
  return code === '23505' && (constraint === undefined || name === constraint);
}
