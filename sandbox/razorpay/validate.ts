import type { Notes } from './entities';
import { badRequest } from './errors';

/** Razorpay's messages come from Laravel validation: `plan_id` is spoken as "plan id". */
const label = (field: string) => field.replace(/_/g, ' ');

export type Body = Record<string, unknown>;

const isMissing = (value: unknown) => value === undefined || value === null || value === '';

export function rejectExtraFields(body: Body, allowed: readonly string[]): void {
  const extra = Object.keys(body).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw badRequest(`${extra.join(', ')} is/are not required and should not be sent`, extra[0]);
}

export function requireValue(body: Body, field: string): unknown {
  const value = body[field];
  if (isMissing(value)) throw badRequest(`The ${label(field)} field is required.`, field);
  return value;
}

export function requireString(body: Body, field: string, max = 255): string {
  const value = requireValue(body, field);
  return asString(value, field, max);
}

export function optionalString(body: Body, field: string, max = 255): string | null {
  return isMissing(body[field]) ? null : asString(body[field], field, max);
}

function asString(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw badRequest(`The ${label(field)} must be a string.`, field);
  const text = String(value);
  if (text.length > max) throw badRequest(`The ${label(field)} may not be greater than ${max} characters.`, field);
  return text;
}

// Form-encoded bodies carry numbers as strings; Razorpay accepts "99900" as an integer too.
export function requireInt(body: Body, field: string, min?: number): number {
  return asInt(requireValue(body, field), field, min);
}

export function optionalInt(body: Body, field: string, min?: number): number | null {
  return isMissing(body[field]) ? null : asInt(body[field], field, min);
}

function asInt(value: unknown, field: string, min?: number): number {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw badRequest(`The ${label(field)} must be an integer.`, field);
  if (min !== undefined && number < min) throw badRequest(`The ${label(field)} must be at least ${min}.`, field);
  return number;
}

export function optionalBool(body: Body, field: string): boolean | null {
  const value = body[field];
  if (isMissing(value)) return null;
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  throw badRequest(`The ${label(field)} field must be true or false.`, field);
}

export function optionalObject(body: Body, field: string): Body | null {
  const value = body[field];
  if (isMissing(value)) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`The ${label(field)} must be an array.`, field);
  return value as Body;
}

export function notesOf(body: Body): Notes {
  const value = body.notes;
  // PHP serialises an empty map as [], and clients echo it back.
  if (isMissing(value) || (Array.isArray(value) && value.length === 0)) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('The notes must be an array.', 'notes');
  const entries = Object.entries(value as Body);
  if (entries.length > 15) throw badRequest('Notes should not have more than 15 keys.', 'notes');
  const notes: Notes = {};
  for (const [key, raw] of entries) {
    if (typeof raw !== 'string' && typeof raw !== 'number') throw badRequest('Notes values must be strings or numbers.', 'notes');
    if (String(raw).length > 512) throw badRequest('Notes value cannot be greater than 512 characters.', 'notes');
    notes[key] = raw;
  }
  return notes;
}
