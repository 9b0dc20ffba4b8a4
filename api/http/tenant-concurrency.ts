import type { Middleware } from 'koa';
import { AppError } from '../../domain/errors';
import { declareErrors } from '../openapi/route-statuses';

/**
 * At most `limit` requests of one kind in flight per tenant on this node, so one member cannot tie
 * up a node's memory or CPU with parallel uploads or PDF parses. Memory is per node, so is the count.
 * A refusal closes the connection: the body it did not read is not worth receiving.
 */
export class TenantConcurrency {
  private readonly active = new Map<string, number>();

  constructor(
    readonly limit: number,
    private readonly what: string,
  ) {}

  inFlight(tenantId: string): number {
    return this.active.get(tenantId) ?? 0;
  }

  async run<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight(tenantId);
    if (running >= this.limit) {
      throw new AppError('rate_limited', `At most ${this.limit} ${this.what} at a time per workspace; try again when one has finished`, {
        headers: { 'Retry-After': '5', Connection: 'close' },
      });
    }
    this.active.set(tenantId, running + 1);
    try {
      return await work();
    } finally {
      const left = this.inFlight(tenantId) - 1;
      if (left > 0) this.active.set(tenantId, left);
      else this.active.delete(tenantId);
    }
  }

  /** Route middleware (after authentication): the rest of the route runs inside the tenant's slot. */
  middleware(): Middleware {
    const limit: Middleware = (ctx, next) => this.run((ctx.state.auth as { tenantId: string }).tenantId, () => next());
    return declareErrors(limit, ['rate_limited']);
  }
}
