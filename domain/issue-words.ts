import type { z } from 'zod';
import { nounFor, patternWordsFor } from './field-words';
import { issueFacts, type TIssueFacts } from './issue-facts';

/**
 * The one place a failed check becomes words a person reads next to a field: a zod issue from the
 * web app's own parse and a detail of the API's `validation_failed` both arrive as issue facts (kind
 * and limits, domain/issue-facts.ts) and are worded from those, never from zod's English. A schema's
 * own message is used only where the meaning lives in it alone (a pattern, a refinement). Pure and in
 * domain/ so the API's tests word its answers exactly as the web app does.
 */
export function plainIssue(path: string, facts: TIssueFacts | undefined, message: string): string {
  if (!facts) return asSentence(message);
  switch (facts.code) {
    case 'too_small':
      return tooSmall(path, facts);
    case 'too_big':
      return tooBig(facts);
    case 'invalid_type':
      return invalidType(path, facts);
    case 'invalid_format':
      return invalidFormat(path, facts, message);
    case 'invalid_value':
      return facts.values?.length === 1 && facts.values[0] === 'true' ? 'Tick this to continue' : 'Choose one of the options';
    case 'not_multiple_of':
      return facts.divisor !== undefined && facts.divisor < 1 ? `Use at most ${decimals(facts.divisor)} decimal places` : `Must be a multiple of ${facts.divisor}`;
    case 'unrecognized_keys':
      return 'This form sent something it should not. Reload the page and try again';
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_union':
      return 'Check this value';
    case 'custom':
      return facts.worded ? asSentence(message) : 'Check this value';
    default:
      return 'Check this value';
  }
}

/** A client-side parse's issue, worded the same way as the API's. */
export function plainZodIssue(issue: z.core.$ZodIssue): string {
  return plainIssue(issue.path.map(String).join('.'), issueFacts(issue), issue.message);
}

function tooSmall(path: string, f: TIssueFacts): string {
  const min = f.minimum ?? 0;
  switch (f.origin) {
    case 'string':
      if (f.exact) return `Use exactly ${min} characters`;
      return min <= 1 ? `Enter ${nounFor(path)}` : `Use at least ${min} characters`;
    case 'number':
    case 'int':
    case 'bigint':
      return f.inclusive === false ? `Must be more than ${min}` : `Must be ${min} or more`;
    case 'array':
    case 'set':
      return min <= 1 ? 'Add at least one' : `Add at least ${min}`;
    case 'file':
      return 'The file is empty';
    case 'date':
      return 'Pick a later date';
    default:
      return `Enter ${nounFor(path)}`;
  }
}

function tooBig(f: TIssueFacts): string {
  const max = f.maximum ?? 0;
  switch (f.origin) {
    case 'string':
      return f.exact ? `Use exactly ${max} characters` : `Keep it to ${max} characters or fewer`;
    case 'number':
    case 'int':
    case 'bigint':
      return f.inclusive === false ? `Must be less than ${max}` : `Must be ${max} or less`;
    case 'array':
    case 'set':
      return `Keep it to ${max} or fewer`;
    case 'file':
      return `The file is too large (up to ${megabytes(max)})`;
    case 'date':
      return 'Pick an earlier date';
    default:
      return 'This is too long';
  }
}

function invalidType(path: string, f: TIssueFacts): string {
  switch (f.expected) {
    case 'number':
    case 'nan':
      return 'Enter a number';
    case 'int':
    case 'bigint':
      return 'Enter a whole number';
    case 'boolean':
      return 'Choose yes or no';
    case 'string':
      return `Enter ${nounFor(path)}`;
    case 'array':
    case 'set':
      return 'Add at least one';
    case 'date':
      return 'Enter a date';
    default:
      return 'Fill this in';
  }
}

const formatWords: Record<string, string> = {
  email: 'Enter a valid email address',
  url: 'Enter a full web address, starting with https://',
  uuid: 'Choose one from the list',
  guid: 'Choose one from the list',
  datetime: 'Enter a valid date and time',
  date: 'Enter a valid date',
  time: 'Enter a time such as 09:30',
  duration: 'Enter a valid duration',
  e164: 'Enter the number with its country code, such as +919812345678',
  safe_text: 'Remove invisible or broken characters (copied text sometimes carries them)',
  lowercase: 'Use lower-case letters',
  uppercase: 'Use capital letters',
};

function invalidFormat(path: string, f: TIssueFacts, message: string): string {
  if (f.blank) return `Enter ${nounFor(path)}`;
  const pattern = patternWordsFor(path);
  if (f.format === 'regex' || f.format === undefined) return pattern ?? (f.worded ? asSentence(message) : 'Check the format');
  return formatWords[f.format] ?? pattern ?? 'Check the format';
}

/** Our own messages are written to follow a field name ("is required", "must be …"); alone under the input they need a subject. */
function asSentence(text: string): string {
  if (!text) return 'Check this value';
  if (text.startsWith('is ')) return `This field ${text}`;
  return text[0].toUpperCase() + text.slice(1);
}

function decimals(divisor: number): number {
  return Math.max(0, Math.round(-Math.log10(divisor)));
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
