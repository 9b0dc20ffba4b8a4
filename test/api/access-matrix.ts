import request from 'supertest';

/** What the API document says of one operation (`x-aerostic-access` comes from the route registry). */
export interface DocumentedOperation {
  method: string;
  /** OpenAPI template, e.g. `/conversations/{id}/labels/{labelId}`. */
  template: string;
  access: 'public' | 'user' | 'admin' | 'platform';
  pathParams: string[];
}

export type Caller = 'anonymous' | 'expired' | 'platformAdmin' | 'otherTenantAdmin' | 'agent' | 'admin';

interface OpenApiOperation {
  'x-aerostic-access'?: DocumentedOperation['access'];
  parameters?: { name: string; in: string }[];
}

export async function documentedOperations(url: string): Promise<DocumentedOperation[]> {
  const doc = (await request(url).get('/openapi.json').expect(200)).body as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      if (!op['x-aerostic-access']) throw new Error(`${method.toUpperCase()} ${template} declares no x-aerostic-access`);
      return { method, template, access: op['x-aerostic-access'], pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name) };
    }),
  );
}

/**
 * The first tenant's ids, for path parameters: `{id}` of `/labels/{id}` is the first item of
 * `GET /labels`, `{labelId}` the first of `GET /labels` too (the collection named after the parameter).
 * An operation whose collection lists nothing gets a random UUID, which must be 404 for everyone.
 */
export async function tenantIds(url: string, adminToken: string, operations: DocumentedOperation[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const lists = operations.filter((op) => op.method === 'get' && op.pathParams.length === 0 && op.access !== 'platform' && op.access !== 'public');
  for (const op of lists) {
    const res = await request(url).get(op.template).set('Authorization', `Bearer ${adminToken}`);
    const first = (res.body?.data ?? res.body?.accounts)?.[0];
    if (res.status === 200 && typeof first?.id === 'string') ids.set(op.template, first.id);
  }
  return ids;
}

export function concretePath(op: DocumentedOperation, ids: Map<string, string>, fallback: string): string {
  let path = op.template;
  for (const name of op.pathParams) {
    const [before] = op.template.split(`{${name}}`);
    const collection = name === 'id' ? before.replace(/\/$/, '') : `/${name.replace(/Id$/, '')}s`;
    const id = ids.get(collection) ?? ids.get(collection.replace(/\/[^/]+$/, '') || '/') ?? fallback;
    path = path.replace(`{${name}}`, id);
  }
  return path;
}

/** Whether the caller's credential is let through to the route, from the declared access alone. */
export function credentialAccepted(access: DocumentedOperation['access'], caller: Caller): boolean | 'forbidden' {
  if (access === 'public') return true;
  if (access === 'platform') return caller === 'platformAdmin';
  if (caller === 'anonymous' || caller === 'expired' || caller === 'platformAdmin') return false;
  if (access === 'admin' && caller === 'agent') return 'forbidden';
  return true;
}

export async function call(url: string, op: DocumentedOperation, path: string, token: string | undefined) {
  const req = request(url)[op.method as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).redirects(0);
  if (token) req.set('Authorization', `Bearer ${token}`);
  if (op.method !== 'get' && op.method !== 'delete') req.send({});
  const res = await req;
  return { status: res.status, code: (res.body as { error?: { code?: string } } | undefined)?.error?.code };
}
