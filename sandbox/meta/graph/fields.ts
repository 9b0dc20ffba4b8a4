import { param, type SimContext } from './context';

/** Applies Graph's `?fields=a,b` selection (`id` always included); without it, the node's default fields. */
export function selectFields(ctx: SimContext, all: Record<string, unknown>, defaults: string[]): Record<string, unknown> {
  const requested = param(ctx, 'fields')
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const names = requested && requested.length > 0 ? requested : defaults;
  const out: Record<string, unknown> = {};
  for (const name of names) if (all[name] !== undefined) out[name] = all[name];
  out.id = all.id;
  return out;
}

/** Graph's cursor paging over an in-memory list. */
export function page<T>(ctx: SimContext, items: T[], baseUrl: string): { data: T[]; paging?: { cursors: { before: string; after: string }; next?: string; previous?: string } } {
  const limit = Math.min(Math.max(Number(param(ctx, 'limit') ?? 25) || 25, 1), 1000);
  const decode = (c: string | undefined) => (c ? Number(Buffer.from(c, 'base64url').toString()) : NaN);
  const encode = (i: number) => Buffer.from(String(i)).toString('base64url');
  const after = decode(param(ctx, 'after'));
  const before = decode(param(ctx, 'before'));
  const start = Number.isFinite(after) ? after + 1 : Number.isFinite(before) ? Math.max(before - limit, 0) : 0;
  const data = items.slice(start, start + limit);
  if (data.length === 0) return { data };
  const end = start + data.length - 1;
  const link = (key: string, cursor: string) => {
    const url = new URL(ctx.path, baseUrl);
    for (const [k, v] of Object.entries(ctx.query)) if (k !== 'after' && k !== 'before' && typeof v === 'string') url.searchParams.set(k, v);
    url.searchParams.set(key, cursor);
    return url.toString();
  };
  return {
    data,
    paging: {
      cursors: { before: encode(start), after: encode(end) },
      ...(end < items.length - 1 ? { next: link('after', encode(end)) } : {}),
      ...(start > 0 ? { previous: link('before', encode(start)) } : {}),
    },
  };
}
