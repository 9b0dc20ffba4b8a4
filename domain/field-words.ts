/**
 * How a field is named in a sentence, by the last key of its path ("Enter a name", "Enter your email
 * address"). One list for every form, so the same field reads the same everywhere.
 */
const nouns: Record<string, string> = {
  name: 'a name',
  email: 'your email address',
  password: 'your password',
  workspace: 'a workspace name',
  phone: 'a phone number',
  otp: 'the 6-digit code',
  token: 'the code from the link',
  shortcut: 'a shortcut',
  body: 'some text',
  text: 'a message',
  title: 'a title',
  content: 'some content',
  question: 'a question',
  persona: 'some instructions',
  wabaId: 'the WABA id',
  phoneNumberId: 'the phone number id',
  accessToken: 'the access token',
  pin: 'the PIN',
  open: 'an opening time',
  close: 'a closing time',
  timezone: 'a time zone',
  caption: 'a caption',
  filename: 'a file name',
};

/** Wording for a pattern whose own message would be jargon to a person (E.164). */
const patterns: Record<string, string> = {
  phone: 'Enter the number with its country code, such as +919812345678',
};

/** The last named key of a path: "businessHours.days.mon.open" → "open", "blockedIntents.2" → "blockedIntents". */
export function fieldKey(path: string): string {
  const keys = path.split('.').filter((k) => k && !/^\d+$/.test(k));
  return keys[keys.length - 1] ?? '';
}

export function nounFor(path: string): string {
  return nouns[fieldKey(path)] ?? 'a value';
}

export function patternWordsFor(path: string): string | undefined {
  return patterns[fieldKey(path)];
}
