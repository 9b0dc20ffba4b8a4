import { weekdays, type TAiSettings, type TBusinessHours } from '@domain/ai';

export type Weekday = (typeof weekdays)[number];

/** The form's values: numbers as typed (strings) so a half-typed "0." is not lost. */
export interface AiSettingsValues {
  enabled: boolean;
  persona: string;
  confidenceThreshold: string;
  maxRepliesPerConversation: string;
  blockedIntents: string[];
  activeHours: TAiSettings['activeHours'];
  businessHours: TBusinessHours | null;
  /** Empty: no message is sent. */
  handoffMessage: string;
  outOfHoursMessage: string;
}

export function toValues(s: TAiSettings): AiSettingsValues {
  return {
    ...s,
    confidenceThreshold: String(s.confidenceThreshold),
    maxRepliesPerConversation: String(s.maxRepliesPerConversation),
    handoffMessage: s.handoffMessage ?? '',
    outOfHoursMessage: s.outOfHoursMessage ?? '',
  };
}

/** What PUT /ai/settings is sent; blank numbers become NaN so the schema reports them under their field. */
export function fromValues(v: AiSettingsValues): Record<string, unknown> {
  const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const message = (text: string) => (text.trim() === '' ? null : text);
  return {
    ...v,
    confidenceThreshold: num(v.confidenceThreshold),
    maxRepliesPerConversation: num(v.maxRepliesPerConversation),
    handoffMessage: message(v.handoffMessage),
    outOfHoursMessage: message(v.outOfHoursMessage),
  };
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A starting point when business hours are first set: weekdays 09:00–18:00 in the browser's zone. */
export function defaultBusinessHours(): TBusinessHours {
  const day = { open: '09:00', close: '18:00' };
  return { timezone: browserTimeZone(), days: { mon: day, tue: day, wed: day, thu: day, fri: day } };
}

/** A new intent as stored: trimmed, lower case; empty or already listed ones are skipped. */
export function addIntent(list: string[], raw: string): string[] {
  const intent = raw.trim().toLowerCase();
  return intent && !list.includes(intent) ? [...list, intent] : list;
}

/** Every field path the form shows an error under (API `details` paths without `body.`). */
export const aiSettingsFields: readonly string[] = [
  'enabled',
  'persona',
  'confidenceThreshold',
  'maxRepliesPerConversation',
  'blockedIntents',
  'activeHours',
  'businessHours',
  'businessHours.timezone',
  'handoffMessage',
  'outOfHoursMessage',
  ...weekdays.flatMap((d) => [`businessHours.days.${d}.open`, `businessHours.days.${d}.close`]),
];

/** The first message for a field or anything under it (blockedIntents.3 → blockedIntents). */
export function errorFor(errors: Record<string, string>, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${field}.`) && !aiSettingsFields.includes(k));
  return nested ? errors[nested] : undefined;
}
