import { z } from 'zod';

/**
 * What a failed check was about, without its wording: the zod issue's kind and its limits. The API
 * sends it with each validation detail and the web app turns it into plain words next to the field
 * (web/src/features/forms/plain-issue.ts), so neither side has to parse zod's English.
 */
export const ZIssueFactsSchema = z.object({
  code: z.string(),
  origin: z.string().optional(),
  expected: z.string().optional(),
  format: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  inclusive: z.boolean().optional(),
  exact: z.boolean().optional(),
  divisor: z.number().optional(),
  values: z.array(z.string()).optional(),
  keys: z.array(z.string()).optional(),
  /** The value was blank (known when the parse reported its input): "Enter a shortcut" beats a pattern's rule. */
  blank: z.literal(true).optional(),
  /** The schema wrote the message itself ("Use a #rrggbb colour"); absent when it is zod's default text. */
  worded: z.literal(true).optional(),
});
export type TIssueFacts = z.infer<typeof ZIssueFactsSchema>;

const english = z.locales.en();

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined);
const text = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

/** The facts of one zod issue (JSON-safe: bigints become numbers, enum values strings). */
export function issueFacts(issue: z.core.$ZodIssue): TIssueFacts {
  const raw = issue as z.core.$ZodIssue & Record<string, unknown>;
  const facts: TIssueFacts = { code: issue.code };
  if (typeof raw.origin === 'string') facts.origin = raw.origin;
  if (typeof raw.expected === 'string') facts.expected = raw.expected;
  if (typeof raw.format === 'string') facts.format = raw.format;
  const minimum = num(raw.minimum);
  const maximum = num(raw.maximum);
  const divisor = num(raw.divisor);
  if (minimum !== undefined) facts.minimum = minimum;
  if (maximum !== undefined) facts.maximum = maximum;
  if (divisor !== undefined) facts.divisor = divisor;
  if (typeof raw.inclusive === 'boolean') facts.inclusive = raw.inclusive;
  if (raw.exact === true) facts.exact = true;
  if (Array.isArray(raw.values)) facts.values = raw.values.map(text);
  if (Array.isArray(raw.keys)) facts.keys = raw.keys.map(text);
  if (typeof raw.input === 'string' && raw.input.trim() === '') facts.blank = true;
  if (isWorded(issue)) facts.worded = true;
  return facts;
}

/**
 * Whether the schema gave its own message. Compared with zod's English default for the same issue,
 * not matched against phrases; only checked for the kinds whose meaning lives in the message alone
 * (a pattern, a refinement), because a default that quotes the input cannot be recomputed.
 */
function isWorded(issue: z.core.$ZodIssue): boolean {
  const byMessageOnly = issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex');
  if (!byMessageOnly) return false;
  const fallback = english.localeError(issue as Parameters<typeof english.localeError>[0]);
  const fallbackText = typeof fallback === 'string' ? fallback : fallback?.message;
  return Boolean(issue.message) && issue.message !== fallbackText;
}
