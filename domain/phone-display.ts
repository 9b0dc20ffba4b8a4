/**
 * The one way a phone number is shown to a person: "+1 555-446-0931", "+91 98123 45678". It accepts
 * every form the system holds — E.164 ("+919812345678"), bare digits as in Meta's webhook metadata
 * ("15550100001") and Graph's own display_phone_number ("+1 555-446-0931") — so no caller prefixes a
 * "+" of its own. For display only: logs mask numbers instead (infra/logger.ts).
 */
export function formatPhoneNumber(raw: string): string {
  const trimmed = raw.trim();
  // Anything but digits and the usual punctuation (a name, an id with letters) is not a phone number.
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return trimmed;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return trimmed;
  const cc = countryCallingCode(digits);
  return `+${cc} ${groupNational(cc, digits.slice(cc.length))}`;
}

/**
 * ITU-T E.164 calling codes are prefix-free: 1 and 7 are one digit, these are two, every other is
 * three (so the national number starts right after the code without a lookup of every country).
 */
const TWO_DIGIT_CODES = new Set('20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '));

function countryCallingCode(digits: string): string {
  if (digits.startsWith('1') || digits.startsWith('7')) return digits.slice(0, 1);
  const two = digits.slice(0, 2);
  return TWO_DIGIT_CODES.has(two) ? two : digits.slice(0, 3);
}

/** NANP and India as their people write them; elsewhere a neutral grouping: threes, then the last four. */
function groupNational(cc: string, national: string): string {
  if (cc === '1' && national.length === 10) return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
  if (cc === '91' && national.length === 10) return `${national.slice(0, 5)} ${national.slice(5)}`;
  if (national.length <= 5) return national;
  const head = national.slice(0, -4);
  // Threes counted from the right, so any shorter group leads (like an area code).
  const groups = head.length <= 4 ? [head] : (head.match(/^\d{1,3}(?=(\d{3})+$)|\d{3}/g) ?? [head]);
  // A lone leading digit reads badly: it joins the group after it.
  if (groups.length > 1 && groups[0].length === 1) groups.splice(0, 2, groups[0] + groups[1]);
  return [...groups, national.slice(-4)].join(' ');
}
