import type { Middleware } from 'koa';
import { GraphError, isMetaErrorCode } from '../graph/errors';
import type { SimDeps, SimState } from '../graph/context';
import { newFbtraceId } from '../state/ids';
import { isAsyncFailure } from './fault-store';

/** Applies the first injected fault that matches this Graph call, before the real handler runs. */
export function applyFaults(deps: SimDeps): Middleware<SimState> {
  return async (ctx, next) => {
    const call = ctx.state.graphCall;
    if (!call) return next();
    const fault = deps.faults.take({ operation: call.operation, phoneNumberId: call.phoneNumberId });
    ctx.state.faultId = fault?.id;
    const spec = fault?.spec;
    if (!spec) return next();
    switch (spec.kind) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, spec.ms));
        return await next();
      case 'hang':
        // Never answer; release the request only when the client gives up or the simulator stops.
        await new Promise((resolve) => ctx.res.once('close', resolve));
        ctx.respond = false;
        return;
      case 'malformed':
        ctx.status = spec.status ?? 200;
        ctx.type = 'application/json; charset=UTF-8';
        ctx.body = '{"messaging_product":"whatsapp","contacts":[{"input":"';
        return;
      case 'http':
        throw httpFault(spec.status, spec.retryAfterSeconds);
      case 'meta-error':
        if (isAsyncFailure(spec, call.operation)) {
          ctx.state.asyncFailure = { code: spec.code, details: spec.details };
          return await next();
        }
        if (!isMetaErrorCode(spec.code)) throw new Error(`unknown Meta error code ${spec.code}`);
        throw spec.code === 190 ? GraphError.expiredToken(new Date(Date.now() - 3600_000)) : GraphError.of(spec.code, { details: spec.details });
    }
  };
}

function httpFault(status: number, retryAfterSeconds?: number): GraphError {
  if (status === 429) {
    return new GraphError(
      429,
      { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true },
      { 'retry-after': String(retryAfterSeconds ?? 1) },
    );
  }
  const unavailable = status !== 500;
  return new GraphError(
    status,
    {
      message: unavailable ? 'Service temporarily unavailable' : 'An unknown error has occurred.',
      type: 'OAuthException',
      code: unavailable ? 2 : 1,
      is_transient: true,
    },
    { 'x-fb-trace-id': newFbtraceId() },
  );
}
