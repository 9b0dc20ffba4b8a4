import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { AppError, type ErrorCode } from '../../domain/errors';
import type { z } from 'zod';
import type { AuthPrincipal } from '../auth/principal';
import type { PlatformPrincipal } from '../platform/principal';
import type { ThrottleSpec, Throttles } from './throttle';
import { validate } from './validate';

/**
 * `public`: anyone; `user`: any signed-in member; `admin`: workspace admins only; `platform`: platform
 * (super) admins, who hold their own kind of token and belong to no tenant.
 */
export type Access = 'public' | 'user' | 'admin' | 'platform';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** Signed-in routes are refused with 402 when the tenant has no trial or subscription, unless exempt. */
  allowWithoutSubscription?: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  /** Attempts counted per client address (and per account), keyed by this route as declared; see `throttle.ts`. */
  throttle?: ThrottleSpec;
  /**
   * Errors the handler itself can answer beyond those its access, inputs and path imply (e.g.
   * `conflict`); the API document lists their statuses, and the fuzz test holds the route to them.
   */
  errors?: ErrorCode[];
  /** Extra middleware before the handler. */
  before?: Middleware[];
  /** CORS for callers other than the web app: runs first (so refusals carry it too) and answers the preflight. */
  cors?: Middleware;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteInput<S extends RouteSpec> {
  ctx: Context;
  body: Infer<S['body']>;
  query: Infer<S['query']>;
  params: Infer<S['params']>;
  auth: S['access'] extends 'public' ? undefined : S['access'] extends 'platform' ? PlatformPrincipal : AuthPrincipal;
}

export type RouteHandler<S extends RouteSpec> = (input: RouteInput<S>) => Promise<(S['response'] extends z.ZodType ? z.input<S['response']> : unknown) | void>;

export interface AccessGuards {
  authenticate: Middleware;
  requireAdmin: Middleware;
  requireActiveTenant: Middleware;
  authenticatePlatformAdmin: Middleware;
}

/** One place that turns a typed route spec into Koa middleware and records it for the OpenAPI document. */
export class RouteRegistry {
  readonly router = new Router();
  readonly specs: RouteSpec[] = [];

  constructor(
    private readonly guards: AccessGuards,
    private readonly throttles?: Throttles,
  ) {}

  add<S extends RouteSpec>(spec: S, handler: RouteHandler<S>): void {
    this.specs.push(spec);
    const chain: Middleware[] = [];
    // `/users/assignable` must not also be `/users/:id`: a method only the parameterised route has is
    // not allowed on the literal path, whatever the router's matching says.
    if (spec.path.includes(':')) chain.push(this.refuseLiteralPaths(spec.method));
    if (spec.cors) {
      chain.push(spec.cors);
      this.router.options(spec.path, spec.cors);
    }
    if (spec.throttle) {
      if (!this.throttles) throw new Error(`${spec.path} declares a throttle but the registry has none`);
      chain.push(this.throttles.middleware(`${spec.method.toUpperCase()} ${spec.path}`, spec.throttle));
    }
    if (spec.access === 'platform') {
      chain.push(this.guards.authenticatePlatformAdmin);
    } else if (spec.access !== 'public') {
      chain.push(this.guards.authenticate);
      if (spec.access === 'admin') chain.push(this.guards.requireAdmin);
      if (!spec.allowWithoutSubscription) chain.push(this.guards.requireActiveTenant);
    }
    chain.push(...(spec.before ?? []));
    chain.push(async (ctx) => {
      const input = {
        ctx,
        body: spec.body ? validate(spec.body, ctx.state.body, 'body') : undefined,
        query: spec.query ? validate(spec.query, ctx.query, 'query') : undefined,
        params: spec.params ? validate(spec.params, ctx.params, 'params') : undefined,
        auth: ctx.state.auth,
      } as RouteInput<S>;
      const result = await handler(input);
      if (ctx.status === 404 && ctx.body === undefined) ctx.status = spec.status ?? (result === undefined ? 204 : 200);
      if (result !== undefined) ctx.body = result;
    });
    this.router[spec.method](spec.path, ...chain);
  }

  /**
   * The methods declared for `path`, as `Allow` lists them: a literal route's own methods when one
   * matches exactly, else those of every parameterised route that matches.
   */
  allowFor(path: string): string | undefined {
    const lower = path.toLowerCase();
    const literal = this.specs.filter((s) => !s.path.includes(':') && s.path.toLowerCase() === lower);
    const matching = literal.length ? literal : this.specs.filter((s) => pathPattern(s.path).test(path));
    if (!matching.length) return undefined;
    const methods = [...new Set(matching.map((s) => s.method.toUpperCase()))];
    return (methods.includes('GET') ? ['HEAD', ...methods] : methods).join(', ');
  }

  /** Runs before the router: rewrites the router's `Allow` (on OPTIONS and 405) to what is declared. */
  readonly declaredAllow: Middleware = async (ctx, next) => {
    await next();
    if (!ctx.response.get('Allow')) return;
    const allow = this.allowFor(ctx.path);
    if (allow) ctx.set('Allow', allow);
  };

  private refuseLiteralPaths(method: RouteSpec['method']): Middleware {
    return async (ctx, next) => {
      const lower = ctx.path.toLowerCase();
      const literal = this.specs.filter((s) => !s.path.includes(':') && s.path.toLowerCase() === lower);
      if (literal.length && !literal.some((s) => s.method === method)) {
        const allow = this.allowFor(ctx.path) ?? '';
        throw new AppError('method_not_allowed', `${ctx.method} is not supported here; use ${allow}`, { headers: { Allow: allow } });
      }
      await next();
    };
  }
}

const patterns = new Map<string, RegExp>();
function pathPattern(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    const source = path
      .split(/(:[A-Za-z0-9_]+)/)
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    pattern = new RegExp(`^${source}/?$`, 'i');
    patterns.set(path, pattern);
  }
  return pattern;
}
