import { createServer, type Server } from 'node:http';
import Koa, { type Middleware } from 'koa';
import { Router } from '@koa/router';
import getRawBody from 'raw-body';
import { registerControlRoutes } from './control/routes';
import { applyFaults } from './faults/apply-faults';
import { classifyGraphPath } from './faults/classify';
import { registerAccountRoutes } from './graph/accounts';
import { sendJson, type SimDeps, type SimState } from './graph/context';
import { registerDialogRoutes } from './graph/dialog';
import { GraphError } from './graph/errors';
import { registerMediaRoutes } from './graph/media';
import { registerMessageRoutes } from './graph/messages';
import { registerOAuthRoutes } from './graph/oauth';
import { registerTemplateRoutes } from './graph/templates';
import type { GraphRequestRecord } from './types';
import { checkControl, CONTROL_TOKEN_HEADER, type ControlAccess } from '../control-access';

const BODY_LIMIT = '110mb'; // Graph accepts documents up to 100 MB
const VERSION = /^v\d+\.\d+$/;

/** Records every Graph call with the status it finally got (after errors were rendered). */
function recordGraphRequests(deps: SimDeps): Middleware<SimState> {
  return async (ctx, next) => {
    ctx.state.params = {};
    const call = classifyGraphPath(deps.store, ctx.path, ctx.query);
    if (!call) return next();
    ctx.state.graphCall = call;
    const query = Object.fromEntries(Object.entries(ctx.query).map(([k, v]) => [k, String(v)]));
    const record: GraphRequestRecord = { at: Date.now(), method: ctx.method, path: ctx.path, query, operation: call.operation, nodeId: call.nodeId };
    deps.store.requests.push(record);
    try {
      await next();
    } finally {
      record.faultId = ctx.state.faultId;
      record.status = ctx.respond === false ? undefined : ctx.status;
    }
  };
}

function renderErrors(): Middleware<SimState> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const error = err instanceof GraphError ? err : GraphError.of(1);
      if (!(err instanceof GraphError)) console.error('[meta-sim] unexpected error', err);
      sendJson(ctx, error.status, error.body(), error.headers);
    }
  };
}

/** The web phone simulator calls /_sim from the app's origin, with the control token the API gives it. */
function guardControl(access: ControlAccess): Middleware<SimState> {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/_sim')) return next();
    const verdict = checkControl(access, { method: ctx.method, origin: ctx.get('origin') || undefined, token: ctx.get(CONTROL_TOKEN_HEADER) || undefined });
    ctx.set(verdict.headers);
    if (!verdict.allowed) return sendJson(ctx, verdict.status, { error: { message: verdict.message } });
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    await next();
  };
}

/** Reads the body once as bytes; JSON and form bodies become `params` (merged over the query), multipart stays raw. */
function readBody(): Middleware<SimState> {
  return async (ctx, next) => {
    const query = Object.fromEntries(Object.entries(ctx.query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    ctx.state.params = { ...query };
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return next();
    const raw = await getRawBody(ctx.req, { limit: BODY_LIMIT });
    ctx.state.rawBody = raw;
    if (raw.length > 0 && ctx.is('application/x-www-form-urlencoded')) {
      ctx.state.body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    } else if (raw.length > 0 && !ctx.is('multipart/form-data')) {
      // Graph parses a JSON body whatever the declared type; only a declared-JSON body that fails to parse is an error.
      try {
        ctx.state.body = JSON.parse(raw.toString('utf8'));
      } catch {
        if (ctx.is('application/json')) throw GraphError.invalidParam('Invalid parameter: the request body is not valid JSON.');
      }
    }
    const body = ctx.state.body;
    if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(ctx.state.params, body);
    await next();
  };
}

export function buildApp(deps: SimDeps, control: Parameters<typeof registerControlRoutes>[1], access: ControlAccess): Koa<SimState> {
  const app = new Koa<SimState>();
  app.silent = true;
  const graph = new Router<SimState>({ exclusive: 'specificity' });
  graph.param('version', (version, ctx, next) => {
    if (!VERSION.test(version)) throw GraphError.unknownPath(ctx.path);
    return next();
  });
  registerDialogRoutes(graph, deps);
  registerOAuthRoutes(graph, deps);
  registerMessageRoutes(graph, deps);
  registerMediaRoutes(graph, deps);
  registerTemplateRoutes(graph, deps);
  registerAccountRoutes(graph, deps);

  const controlRouter = new Router<SimState>({ prefix: '/_sim' });
  registerControlRoutes(controlRouter, control);

  app.use(recordGraphRequests(deps));
  app.use(renderErrors());
  app.use(guardControl(access));
  app.use(applyFaults(deps));
  app.use(readBody());
  app.use(controlRouter.routes());
  app.use(graph.routes());
  app.use((ctx) => {
    if (ctx.status === 404 && ctx.body === undefined) throw GraphError.unknownPath(ctx.path);
  });
  return app;
}

export async function listen(app: Koa<SimState>, port: number, host: string): Promise<{ server: Server; url: string }> {
  const server = createServer(app.callback());
  // Clients reuse idle connections until the server's Keep-Alive hint; a short one races a busy client into ECONNRESET.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('meta simulator: no TCP address');
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${hostForUrl}:${address.port}` };
}
