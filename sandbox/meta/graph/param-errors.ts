import type { z } from 'zod';
import { GraphError } from './errors';

/** Graph names nested parameters like `interactive['action']['buttons'][0]['reply']['title']`. */
export function paramPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'root';
  const [head, ...rest] = path;
  return String(head) + rest.map((p) => (typeof p === 'number' ? `[${p}]` : `['${String(p)}']`)).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The first zod issue, worded the way Graph words a `(#100)` parameter error. */
export function toGraphParamError(error: z.ZodError, input: unknown): GraphError {
  const issue = error.issues[0];
  const p = paramPath(issue.path);
  const missing = valueAt(input, issue.path) === undefined;
  let text: string;
  switch (issue.code) {
    case 'unrecognized_keys':
      text = `Unexpected key "${issue.keys[0]}" on param "${p}".`;
      break;
    case 'invalid_type':
      text = missing ? `The parameter ${p} is required.` : `Param ${p} must be a ${issue.expected}.`;
      break;
    case 'invalid_value':
      text = missing ? `The parameter ${p} is required.` : `Param ${p} must be one of {${issue.values.map(String).join(', ')}}.`;
      break;
    case 'too_big':
      text =
        issue.origin === 'string'
          ? `Param ${p} must be at most ${issue.maximum} characters long.`
          : issue.origin === 'array'
            ? `Param ${p} must contain at most ${issue.maximum} elements.`
            : `Param ${p} must be at most ${issue.maximum}.`;
      break;
    case 'too_small':
      text =
        issue.origin === 'string'
          ? issue.minimum === 1
            ? `Param ${p} must be a non-empty string.`
            : `Param ${p} must be at least ${issue.minimum} characters long.`
          : issue.origin === 'array'
            ? `Param ${p} must contain at least ${issue.minimum} element(s).`
            : `Param ${p} must be at least ${issue.minimum}.`;
      break;
    case 'invalid_union':
      text = missing ? `The parameter ${p} is required.` : `Param ${p} is invalid.`;
      break;
    case 'invalid_format':
      text = `Param ${p} is not a valid ${issue.format}.`;
      break;
    default:
      text = issue.message.includes('{param}') ? issue.message.replace('{param}', p) : issue.message;
  }
  return GraphError.invalidParam(text);
}
