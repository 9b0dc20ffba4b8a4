import type { Middleware } from 'koa';
import { RazorpayApiError, serverError } from './errors';

/** A failure to answer the next matching REST call(s) with, so tests can see the app's retry and error handling. */
export interface Fault {
  /** Answer with this status instead: 429 carries Retry-After, 5xx Razorpay's SERVER_ERROR body. */
  status?: number;
  retryAfterSeconds?: number;
  /** Wait this long first (a slow or timing-out Razorpay); with nothing else set the call then proceeds normally. */
  delayMs?: number;
  /** Answer 200 with a truncated JSON body. */
  malformed?: boolean;
  /** How many matching calls it affects; 1 unless set. */
  times?: number;
  method?: string;
  /** Only calls whose path starts with this, e.g. `/v1/subscriptions`. */
  path?: string;
}

export class Faults {
  private readonly pending: Array<Fault & { left: number }> = [];

  inject(fault: Fault): void {
    this.pending.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.pending.length = 0;
  }

  middleware(): Middleware {
    return async (ctx, next) => {
      const index = this.pending.findIndex((f) => (!f.method || f.method.toUpperCase() === ctx.method) && (!f.path || ctx.path.startsWith(f.path)));
      if (index === -1) return next();
      const fault = this.pending[index];
      fault.left -= 1;
      if (fault.left <= 0) this.pending.splice(index, 1);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs).unref());
      if (fault.malformed) {
        ctx.status = 200;
        ctx.type = 'json';
        ctx.body = '{"id":"sub_';
        return;
      }
      if (!fault.status) return next();
      if (fault.status === 429) {
        ctx.set('Retry-After', String(fault.retryAfterSeconds ?? 1));
        throw new RazorpayApiError(429, 'BAD_REQUEST_ERROR', 'Too many requests');
      }
      if (fault.status >= 500) throw new RazorpayApiError(fault.status, 'SERVER_ERROR', serverError().description);
      throw new RazorpayApiError(fault.status, 'BAD_REQUEST_ERROR', 'Injected fault');
    };
  }
}
