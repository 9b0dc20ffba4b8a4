import { timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import getRawBody from 'raw-body';
import { authenticationFailed, badRequest, RazorpayApiError, serverError } from './errors';
import type { Body } from './validate';

/** Reads a JSON or form-encoded (`item[name]=…`) body; an empty body is `{}`. */
export async function readBody(ctx: Context): Promise<Body> {
  let raw: string;
  try {
    raw = await getRawBody(ctx.req, { limit: '1mb', encoding: 'utf8' });
  } catch {
    throw badRequest('The request body could not be read');
  }
  if (raw.trim() === '') return {};
  if (ctx.is('application/x-www-form-urlencoded')) return parseForm(raw);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('The request body must be a JSON object');
  return parsed as Body;
}

function parseForm(raw: string): Body {
  const root: Body = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.replace(/\]/g, '').split('[');
    if (path.some((segment) => segment === '__proto__' || segment === 'constructor' || segment === 'prototype')) continue;
    let node = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) node[segment] = value;
      else {
        if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
        node = node[segment] as Body;
      }
    });
  }
  return arraysFromIndexedObjects(root) as Body;
}

// `addons[0][item][name]` arrives as {addons:{"0":{…}}}; Razorpay reads it as a list.
function arraysFromIndexedObjects(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, arraysFromIndexedObjects(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

/** Razorpay (PHP) serialises an empty `notes` map as `[]`; integrations must cope, so the simulator does the same. */
export function wire<T extends object>(entity: T): T {
  const notes = (entity as { notes?: object }).notes;
  if (notes && !Array.isArray(notes) && Object.keys(notes).length === 0) return { ...entity, notes: [] };
  return entity;
}

export function collection<T extends object>(items: T[]) {
  return { entity: 'collection', count: items.length, items: items.map(wire) };
}

/** `count` (default 10, at most 100), `skip`, and `from`/`to` on `created_at`; newest first, as Razorpay lists. */
export function paginate<T extends { created_at: number }>(all: Iterable<T>, query: Context['query']): T[] {
  const count = queryInt(query, 'count', 10, 1, 100);
  const skip = queryInt(query, 'skip', 0, 0);
  const from = queryInt(query, 'from', 0, 0);
  const to = queryInt(query, 'to', Number.MAX_SAFE_INTEGER, 0);
  return [...all]
    .filter((item) => item.created_at >= from && item.created_at <= to)
    .reverse()
    .slice(skip, skip + count);
}

function queryInt(query: Context['query'], name: string, fallback: number, min: number, max?: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!/^\d+$/.test(value)) throw badRequest(`The ${name} must be an integer.`, name);
  const number = Number(value);
  if (number < min) throw badRequest(`The ${name} must be at least ${min}.`, name);
  if (max !== undefined && number > max) throw badRequest(`The ${name} may not be greater than ${max}.`, name);
  return number;
}

export function queryString(query: Context['query'], name: string): string | undefined {
  const raw = query[name];
  return Array.isArray(raw) ? raw[0] : raw;
}

/** Turns thrown RazorpayApiErrors into Razorpay's error body; anything else is a 500 that does not leak. */
export function errorResponses(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const known = err instanceof RazorpayApiError ? err : serverError();
      if (!(err instanceof RazorpayApiError)) console.error('razorpay simulator: unexpected error', err);
      ctx.status = known.status;
      ctx.body = known.toBody();
    }
  };
}

/** HTTP Basic `key_id:key_secret`, as the SDK's axios instance sends it. */
export function basicAuth(keyId: string, keySecret: string): Middleware {
  const expected = Buffer.from(`Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`);
  return async (ctx, next) => {
    const given = Buffer.from(ctx.get('authorization'));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw authenticationFailed();
    await next();
  };
}
