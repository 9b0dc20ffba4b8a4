import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActiveGeminiFault } from './types';

const scope = {
  /** The next N matching calls; default until cleared. */
  times: z.number().int().positive().optional(),
  /** 'generate' (generateContent, streamGenerateContent) or 'embed'; default both; answer-shaped kinds never apply to embed calls. */
  operation: z.enum(['generate', 'embed']).optional(),
};

export const ZGeminiFault = z.discriminatedUnion('kind', [
  /** Google's error body for the status; 429 carries RetryInfo and a retry-after header. */
  z.strictObject({
    kind: z.literal('http'),
    status: z.union([z.literal(429), z.literal(500), z.literal(503), z.literal(504)]),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    ...scope,
  }),
  /** Answers normally after `ms`. */
  z.strictObject({ kind: z.literal('delay'), ms: z.number().int().nonnegative(), ...scope }),
  /** Never answers; the client must time out. */
  z.strictObject({ kind: z.literal('hang'), ...scope }),
  /** A normal 200 response whose text part is not valid JSON. */
  z.strictObject({ kind: z.literal('malformed-text'), ...scope }),
  /** A 200 with a truncated JSON body. */
  z.strictObject({ kind: z.literal('malformed-body'), ...scope }),
  /** The prompt is blocked: no candidates, `promptFeedback.blockReason: 'SAFETY'`. */
  z.strictObject({ kind: z.literal('blocked'), ...scope }),
  /** One candidate with `finishReason: 'SAFETY'` and no content. */
  z.strictObject({ kind: z.literal('safety'), ...scope }),
]);

export type GeminiFault = z.infer<typeof ZGeminiFault>;

const GENERATE_ONLY = new Set<GeminiFault['kind']>(['malformed-text', 'blocked', 'safety']);

export class FaultStore {
  private faults: ActiveGeminiFault[] = [];

  add(spec: GeminiFault): string {
    const parsed = ZGeminiFault.parse(spec);
    const id = randomUUID();
    this.faults.push({ id, spec: parsed, remaining: parsed.times, hits: 0 });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveGeminiFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The oldest fault that applies to this call, consuming one of its `times`. */
  take(operation: 'generate' | 'embed'): ActiveGeminiFault | undefined {
    const fault = this.faults.find((f) => appliesTo(f.spec, operation));
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.remaining !== undefined && --fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }
}

function appliesTo(spec: GeminiFault, operation: 'generate' | 'embed'): boolean {
  if (operation === 'embed' && GENERATE_ONLY.has(spec.kind)) return false;
  return !spec.operation || spec.operation === operation;
}
