import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 14 alphanumerics, the shape of every Razorpay id after its prefix (`sub_`, `pay_` …). */
export function randomId14(): string {
  const bytes = randomBytes(14);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

export type IdPrefix = 'plan' | 'item' | 'cust' | 'sub' | 'pay' | 'inv' | 'order' | 'card' | 'token' | 'li' | 'acc';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomId14()}`;
}

export function isIdOf(prefix: IdPrefix, value: string): boolean {
  return new RegExp(`^${prefix}_[A-Za-z0-9]{14}$`).test(value);
}
