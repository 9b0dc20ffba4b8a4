import { z } from 'zod';
import { ZErrorResponseSchema } from '../../domain/error-shape';
import type { RouteSpec } from '../http/route-registry';

type JsonSchema = Record<string, unknown>;

/** OpenAPI 3.1 from the same zod schemas that validate requests (3.1 speaks JSON Schema 2020-12). */
export function buildOpenApiDocument(specs: RouteSpec[], info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Aerostic API', version: info.version, description: 'WhatsApp marketing, CRM and automation on Temporal. Errors share one shape: {"error":{"code","message","details?"}}.' },
    servers: [{ url: info.serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: toSchema(ZErrorResponseSchema, 'output') },
    },
    paths,
  };
}

function operation(spec: RouteSpec) {
  const status = String(spec.status ?? 200);
  const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    summary: spec.summary,
    tags: [spec.tag],
    operationId: `${spec.method}${spec.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    ...(spec.access === 'public' ? {} : { security: [{ bearer: [] }] }),
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(spec.body, 'input') } } } } : {}),
    responses: {
      [status]: spec.response ? { description: 'OK', content: { 'application/json': { schema: toSchema(spec.response, 'output') } } } : { description: 'OK' },
      ...(spec.body || spec.query || spec.params ? { 400: { description: 'validation_failed', ...errorRef } } : {}),
      ...(spec.access === 'public' ? {} : { 401: { description: 'unauthenticated', ...errorRef } }),
      ...(spec.access === 'public' || spec.access === 'platform' ? {} : { 402: { description: 'subscription_required', ...errorRef } }),
      ...(spec.access === 'admin' ? { 403: { description: 'forbidden', ...errorRef } } : {}),
      ...(spec.throttle ? { 429: { description: 'rate_limited', ...errorRef } } : {}),
    },
  };
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}
