import { errorStatus, type ErrorCode } from '../../domain/errors';
import type { RouteSpec } from '../http/route-registry';

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Every error status a route can answer, with the codes behind it, derived from what the route
 * declares: its access (who may call it and whether the subscription gate applies), its inputs,
 * its path parameters, its throttle, the `errors` it lists, and the errors its `before` middleware declare. A route
 * added tomorrow is documented truthfully without anyone listing its statuses by hand.
 */
export function routeErrorCodes(spec: RouteSpec): Map<number, ErrorCode[]> {
  const codes = new Set<ErrorCode>();
  if (spec.body || spec.query || spec.params) codes.add('validation_failed');
  if (spec.query && listsWithCursor(spec)) codes.add('invalid_cursor');
  if (BODY_METHODS.has(spec.method)) {
    // Any body sent to these methods is read and parsed before the route runs.
    for (const code of ['malformed_json', 'payload_too_large', 'unsupported_media_type'] as const) codes.add(code);
  }
  if (spec.access !== 'public') codes.add('unauthenticated');
  if (spec.access === 'user' || spec.access === 'admin') {
    codes.add('account_deactivated');
    if (!spec.allowWithoutSubscription) codes.add('subscription_required');
  }
  if (spec.access === 'admin') codes.add('forbidden');
  if (spec.path.includes(':')) codes.add('not_found');
  if (spec.throttle) codes.add('rate_limited');
  for (const code of spec.errors ?? []) codes.add(code);
  for (const middleware of spec.before ?? []) for (const code of declaredErrors(middleware)) codes.add(code);

  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

const DECLARED = Symbol('declaredErrors');

/** Marks a middleware with the error codes it can answer, so every route using it documents them. */
export function declareErrors<M extends object>(middleware: M, codes: ErrorCode[]): M {
  return Object.assign(middleware, { [DECLARED]: codes });
}

function declaredErrors(middleware: object): ErrorCode[] {
  return (middleware as { [DECLARED]?: ErrorCode[] })[DECLARED] ?? [];
}

function listsWithCursor(spec: RouteSpec): boolean {
  const shape = (spec.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return !!shape && 'cursor' in shape;
}
