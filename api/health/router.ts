import { z } from 'zod';
import { pingDatabase } from '../../db/system/health';
import { pingTemporal } from '../../infra/temporal/client';
import { AppError } from '../../domain/errors';
import type { ApiDeps } from '../deps';
import { secretEquals } from '../http/secret-equal';
import type { RouteRegistry } from '../http/route-registry';
import type { ApiMetrics } from './metrics';

const ZReadySchema = z.object({ status: z.enum(['ready', 'unavailable']), checks: z.record(z.string(), z.enum(['ok', 'failing'])) });

export function registerHealthRoutes(routes: RouteRegistry, deps: ApiDeps, metrics: ApiMetrics): void {
  const tag = 'operations';
  routes.add({ method: 'get', path: '/healthz', tag, summary: 'The process is up', access: 'public', response: z.object({ status: z.literal('ok') }) }, async () => ({
    status: 'ok' as const,
  }));

  routes.add({ method: 'get', path: '/readyz', tag, summary: 'Postgres and Temporal answer', access: 'public', response: ZReadySchema }, async ({ ctx }) => {
    const checks = {
      postgres: await probe(() => pingDatabase(deps.db.system)),
      temporal: await probe(() => pingTemporal(deps.temporal)),
      ...(deps.redis ? { redis: await probe(() => deps.redis!.ping()) } : {}),
    };
    const ready = Object.values(checks).every((c) => c === 'ok');
    ctx.status = ready ? 200 : 503;
    return { status: ready ? ('ready' as const) : ('unavailable' as const), checks };
  });

  routes.add(
    { method: 'get', path: '/metrics', tag, summary: 'Prometheus metrics; `Authorization: Bearer <METRICS_TOKEN>` when one is set (always in production)', access: 'public' },
    async ({ ctx }) => {
      requireMetricsToken(deps.config.metricsToken, ctx.get('authorization'));
      ctx.type = metrics.registry.contentType;
      return metrics.registry.metrics();
    },
  );
}

/** The scraper's bearer token, compared in constant time; without METRICS_TOKEN (never in production) the endpoint is open. */
function requireMetricsToken(expected: string | undefined, authorization: string): void {
  if (expected === undefined) return;
  const presented = /^Bearer (.+)$/i.exec(authorization)?.[1] ?? '';
  if (!secretEquals(presented, expected)) {
    throw new AppError('unauthenticated', 'Metrics need the METRICS_TOKEN bearer token', { headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' } });
  }
}

async function probe(check: () => Promise<unknown>, timeoutMs = 2000): Promise<'ok' | 'failing'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}
