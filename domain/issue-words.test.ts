import { z } from 'zod';
import * as ai from './ai';
import * as auth from './auth';
import * as billing from './billing';
import * as inbox from './inbox';
import { issueFacts, ZIssueFactsSchema } from './issue-facts';
import * as media from './media';
import * as messages from './messages';
import * as onboarding from './onboarding';
import * as pagination from './pagination';
import * as sandbox from './sandbox';
import * as users from './users';
import * as whatsappTemplates from './whatsapp-templates';
import * as whatsapp from './whatsapp';
import { plainIssue, plainZodIssue } from './issue-words';

const english = z.locales.en();
/** Zod's own English, and the jargon it is made of. */
const RAW = /Too (small|big)|Invalid (input|option|string|email|UUID|URL|ISO|key|element)|expected|received|Unrecognized key|[<>]=|must match pattern|NaN|undefined/i;

function expectPlain(issue: z.core.$ZodIssue): string {
  const words = plainZodIssue(issue);
  const fallback = english.localeError(issue as Parameters<typeof english.localeError>[0]);
  expect(words).not.toBe(typeof fallback === 'string' ? fallback : fallback?.message);
  expect(words).not.toMatch(RAW);
  expect(words).toMatch(/^[A-Z]/);
  return words;
}

function issuesOf(schema: z.ZodType, input: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? [] : result.error.issues;
}

/** One schema per kind of issue zod can raise, each failing once. */
const kinds: Array<[string, z.ZodType, unknown]> = [
  ['string too short', z.object({ name: z.string().min(1) }), { name: '' }],
  ['string shorter than 10', z.string().min(10), 'short'],
  ['string too long', z.string().max(40), 'x'.repeat(41)],
  ['string of exact length', z.string().length(6), '12'],
  ['number too big', z.number().max(1), 1.5],
  ['number too small', z.number().min(0), -1],
  ['number not below', z.number().lt(1), 1],
  ['number not above', z.number().gt(0), 0],
  ['bigint too big', z.bigint().max(5n), 6n],
  ['array too long', z.array(z.string()).max(2), ['a', 'b', 'c']],
  ['array empty', z.array(z.string()).min(1), []],
  ['array too short', z.array(z.string()).min(3), ['a']],
  ['set too big', z.set(z.string()).max(1), new Set(['a', 'b'])],
  ['date too early', z.date().min(new Date('2030-01-01')), new Date('2020-01-01')],
  ['date too late', z.date().max(new Date('2020-01-01')), new Date('2030-01-01')],
  ['file too big', z.file().max(1024 * 1024), new File(['x'.repeat(1024 * 1024 + 1)], 'a.txt')],
  ['file empty', z.file().min(1), new File([], 'a.txt')],
  ['missing string', z.object({ email: z.string() }), {}],
  ['number expected', z.number(), Number.NaN],
  ['int expected', z.int(), 1.5],
  ['boolean expected', z.boolean(), 'yes'],
  ['array expected', z.array(z.string()), 'a'],
  ['object expected', z.object({}), 'a'],
  ['date expected', z.date(), 'a'],
  ['nan expected', z.nan(), 1],
  ['email', z.email(), 'no'],
  ['url', z.url(), 'no'],
  ['https url', z.url({ protocol: /^https$/ }), 'http://a.b'],
  ['uuid', z.uuid(), 'no'],
  ['guid', z.guid(), 'no'],
  ['datetime', z.iso.datetime(), 'no'],
  ['date string', z.iso.date(), 'no'],
  ['time string', z.iso.time(), 'no'],
  ['duration', z.iso.duration(), 'no'],
  ['e164', z.e164(), '123'],
  ['regex without words', z.string().regex(/^a$/), 'b'],
  ['blank regex', z.object({ shortcut: z.string().regex(/^a$/) }), { shortcut: ' ' }],
  ['starts with', z.string().startsWith('a'), 'b'],
  ['lower case', z.string().lowercase(), 'B'],
  ['jwt', z.jwt(), 'no'],
  ['enum', z.enum(['a', 'b']), 'c'],
  ['literal', z.literal('x'), 'y'],
  ['literal true', z.literal(true), false],
  ['multiple of', z.number().multipleOf(5), 3],
  ['decimals', z.number().multipleOf(0.01), 1.234],
  ['strict object', z.strictObject({}), { extra: 1 }],
  ['union', z.union([z.string(), z.number()]), true],
  ['record key', z.record(z.enum(['a']), z.string()), { b: 'x' }],
  ['map key', z.map(z.string().min(2), z.string()), new Map([['a', 'x']])],
  ['set element', z.set(z.string().min(2)), new Set(['a'])],
  ['refinement without words', z.string().refine(() => false), 'x'],
];

describe('plain words for every zod issue', () => {
  it.each(kinds)('%s', (_name, schema, input) => {
    const issues = issuesOf(schema, input);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expectPlain(issue);
  });

  it('says the two messages people met in plain words', () => {
    const [empty] = issuesOf(inbox.ZLabelCreateSchema, { name: '' });
    expect(empty.message).toBe('Too small: expected string to have >=1 characters');
    expect(plainZodIssue(empty)).toBe('Enter a name');
    const [tooBig] = issuesOf(ai.ZAiSettingsUpdateSchema, { confidenceThreshold: 1.5 });
    expect(tooBig.message).toBe('Too big: expected number to be <=1');
    expect(plainZodIssue(tooBig)).toBe('Must be 1 or less');
    const [email] = issuesOf(auth.ZLoginSchema, { email: 'nope', password: 'x' });
    expect(plainZodIssue(email)).toBe('Enter a valid email address');
  });

  it('keeps a schema’s own words where the meaning lives only there, and words the rest itself', () => {
    expect(plainZodIssue(issuesOf(inbox.ZLabelCreateSchema, { name: 'a', color: 'red' })[0])).toBe('Use a #rrggbb colour');
    expect(plainZodIssue(issuesOf(inbox.ZCannedResponseCreateSchema, { shortcut: 'a b', body: 'x' })[0])).toBe('Letters, digits, - and _ (up to 40)');
    expect(plainZodIssue(issuesOf(inbox.ZCannedResponseCreateSchema, { shortcut: '  ', body: 'x' })[0])).toBe('Enter a shortcut');
    expect(plainZodIssue(issuesOf(auth.ZPasswordSchema, 'short1')[0])).toBe('Use at least 10 characters');
    expect(plainZodIssue(issuesOf(z.object({ phone: auth.ZPhoneSchema }), { phone: '98123' })[0])).toBe('Enter the number with its country code, such as +919812345678');
  });

  it('words an API detail exactly as the same issue checked in the browser', () => {
    for (const [, schema, input] of kinds.filter(([, , i]) => typeof i !== 'object' || i === null || !(i instanceof File))) {
      for (const issue of issuesOf(schema, input)) {
        const overTheWire = ZIssueFactsSchema.parse(JSON.parse(JSON.stringify(issueFacts(issue))));
        expect(plainIssue(issue.path.join('.'), overTheWire, issue.message)).toBe(plainZodIssue(issue));
      }
    }
  });
});

const modules = { ai, auth, billing, inbox, media, messages, onboarding, pagination, sandbox, users, whatsapp, whatsappTemplates };
const schemas = Object.entries(modules).flatMap(([m, exports]) =>
  Object.entries(exports as Record<string, unknown>)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .map(([name, schema]) => [`${m}.${name}`, schema] as const),
);
const candidates: unknown[] = [undefined, null, '', '   ', 'not valid', 'x'.repeat(6000), -1, 1.5, 2, 1e12, Number.NaN, true, [], ['x'], Array(300).fill('x'), {}];

/** Every value of `candidates` in every field (and every field of a nested object), one value at a time. */
function probes(schema: z.ZodType): unknown[] {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : undefined;
  if (!shape) return candidates;
  return candidates.flatMap((value) => [
    Object.fromEntries(Object.keys(shape).map((key) => [key, value])),
    Object.fromEntries(
      Object.entries(shape).map(([key, field]) => [key, field instanceof z.ZodObject ? Object.fromEntries(Object.keys(field.shape).map((k) => [k, value])) : value]),
    ),
  ]);
}

describe("the app's own schemas", () => {
  it('never show zod’s text, whatever is typed into them', () => {
    const seen = new Set<string>();
    for (const [, schema] of schemas) {
      for (const input of probes(schema)) {
        for (const issue of issuesOf(schema, input)) {
          seen.add(issue.code);
          expectPlain(issue);
        }
      }
    }
    expect(schemas.length).toBeGreaterThan(40);
    expect([...seen].sort()).toEqual(expect.arrayContaining(['custom', 'invalid_format', 'invalid_type', 'invalid_value', 'too_big', 'too_small']));
  });
});
