import { z } from 'zod';
import { ZErrorResponseSchema } from '../../domain/error-shape';
import { SAFE_TEXT_PATTERN } from '../../domain/safe-text';
import type { RouteSpec } from '../http/route-registry';
import { routeErrorCodes } from './route-statuses';

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
    info: {
      title: 'Aerostic API',
      version: info.version,
      description: 'WhatsApp marketing, CRM and automation on Temporal. Errors share one shape: {"error":{"code","message","details?"}}.',
    },
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
  const errors = Object.fromEntries([...routeErrorCodes(spec)].map(([code, names]) => [String(code), { description: names.join(', '), ...errorRef }]));
  return {
    summary: spec.summary,
    tags: [spec.tag],
    operationId: `${spec.method}${spec.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    ...(spec.access === 'public' ? {} : { security: [{ bearer: [] }] }),
    // Who may call it, read by the access-matrix test and by anyone auditing the API.
    'x-aerostic-access': spec.access,
    ...(spec.access === 'user' || spec.access === 'admin' ? { 'x-aerostic-subscription-required': !spec.allowWithoutSubscription } : {}),
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(spec.body, 'input') } } } } : {}),
    responses: {
      [status]: spec.response ? { description: 'OK', content: { 'application/json': { schema: toSchema(spec.response, 'output') } } } : { description: 'OK' },
      ...errors,
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
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12', override: describeValidation }) as JsonSchema;
  return io === 'input' ? withSafeText(rest) : rest;
}

/**
 * What zod's JSON Schema cannot say on its own: a field with `.catch()` never fails (bad values are
 * dropped), so it takes any text (every such field is a query string today; unsafe text is dropped like any bad value); a string that is trimmed before its length is
 * checked needs that many characters between its first and last one that are not white space.
 */
function describeValidation(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  if (ctx.zodSchema._zod.def.type === 'catch') {
    for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
    // Any text, said with a pattern so the NUL rule of free text is not added to it.
    Object.assign(ctx.jsonSchema, { type: 'string', pattern: '^[\\s\\S]*$' });
    return;
  }
  const { jsonSchema } = ctx;
  if (jsonSchema.type === 'string' && jsonSchema.pattern === undefined && Number(jsonSchema.minLength ?? 0) >= 1 && trims(ctx.zodSchema, Number(jsonSchema.minLength))) {
    jsonSchema.pattern = trimmedAtLeast(Number(jsonSchema.minLength));
  }
}

/** JavaScript's `trim()` white space, spelled out so every regex dialect reads it the same. */
const SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const NOT_BLANK_PATTERN = `^[^\\u0000]*[^\\u0000${SPACE}][^\\u0000]*$`;

/** Text whose trimmed length is at least `min`: from its first to its last non-space character. */
function trimmedAtLeast(min: number): string {
  if (min <= 1) return NOT_BLANK_PATTERN;
  return `^[${SPACE}]*[^\\u0000${SPACE}][^\\u0000]{${min - 2},}[^\\u0000${SPACE}][${SPACE}]*$`;
}

/** Whether a string schema trims its input: parse a padded value that meets its minimum length. */
function trims(schema: z.core.$ZodTypes, minLength: number): boolean {
  const probe = ` ${'a'.repeat(minLength)} `;
  const result = z.safeParse(schema, probe);
  return result.success && result.data === probe.trim();
}

/** Free-text request strings say what `validate` refuses (NUL), so the document never promises more. */
function withSafeText(schema: JsonSchema): JsonSchema {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) out[key] = key === 'properties' || key === '$defs' ? mapValues(value as JsonSchema, visit) : visit(value);
    if (out.type === 'string' && out.pattern === undefined && out.format === undefined && out.enum === undefined && out.const === undefined) out.pattern = SAFE_TEXT_PATTERN;
    // Free-form maps keep their keys, so their keys are held to the same rule.
    if (out.type === 'object' && out.additionalProperties !== undefined && out.additionalProperties !== false) {
      out.propertyNames = { ...(out.propertyNames as JsonSchema | undefined), pattern: SAFE_TEXT_PATTERN };
    }
    return out;
  };
  return visit(schema) as JsonSchema;
}

function mapValues(record: JsonSchema, fn: (value: unknown) => unknown): JsonSchema {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
