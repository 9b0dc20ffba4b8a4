import type { ParameterizedContext } from 'koa';
import type { Router, RouterContext } from '@koa/router';
import type { GraphCall } from '../faults/classify';
import type { FaultStore } from '../faults/fault-store';
import type { Scheduler } from '../scheduler';
import type { SimStore } from '../state/store';
import type { WebhookDeliverer } from '../webhooks/deliverer';
import type { StatusEmitter } from '../webhooks/statuses';
import { metaJson } from './json';

export interface SimConfig {
  appId: string;
  appSecret: string;
  appName: string;
  graphVersion: string;
  templateReviewMs: number;
  strictTemplates: boolean;
  enforceCustomerServiceWindow: boolean;
}

/** Everything a route needs; built once per simulator. */
export interface SimDeps {
  store: SimStore;
  config: SimConfig;
  faults: FaultStore;
  scheduler: Scheduler;
  deliverer: WebhookDeliverer;
  statuses: StatusEmitter;
  /** The simulator's own base URL (known only after listen). */
  baseUrl: () => string;
}

export interface SimState {
  rawBody?: Buffer;
  /** Parsed JSON or form body. */
  body?: unknown;
  /** Query string merged with an object body, as Graph reads parameters from either. */
  params: Record<string, unknown>;
  /** Set by a fault that fails a send after accepting it. */
  asyncFailure?: { code: number; details?: string };
  faultId?: string;
  /** Set for Graph API calls (not /_sim or the dialog page). */
  graphCall?: GraphCall;
}

/** Any request context (router or plain middleware). */
export type SimContext = ParameterizedContext<SimState>;
export type SimRouteContext = RouterContext<SimState>;
export type SimRouter = Router<SimState>;

export function sendJson(ctx: SimContext, status: number, body: unknown, headers: Record<string, string> = {}): void {
  ctx.status = status;
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.type = 'application/json; charset=UTF-8';
  ctx.body = metaJson(body);
}

export function param(ctx: SimContext, name: string): string | undefined {
  const value = ctx.state.params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
