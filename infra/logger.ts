import pino, { type Logger } from 'pino';

/**
 * Logs never carry message text, tokens, passwords, OTPs or full phone numbers: known fields are
 * redacted by path, and phone numbers are masked before they are logged (`maskPhone`).
 */
export const redactedPaths = [
  'password',
  'otp',
  'token',
  'accessToken',
  'refreshToken',
  'body',
  'text',
  'phone',
  'to',
  '*.password',
  '*.otp',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.body',
  '*.text',
  '*.phone',
  '*.to',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'aerostic' }, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}

/** `+919812345678` → `+91******5678`: enough to tell numbers apart in logs, not enough to contact. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '***';
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
