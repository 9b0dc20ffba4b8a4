import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import type { TAuthResponse } from '../../domain/auth';

export function uniquePhone(): string {
  return `+9199${randomInt(10_000_000, 99_999_999)}`;
}

export function newRegistration(overrides: Partial<Record<'name' | 'email' | 'phone' | 'workspace' | 'password', string>> = {}) {
  const tag = randomBytes(4).toString('hex');
  return {
    name: 'Asha Rao',
    email: `asha.${tag}@example.com`,
    phone: uniquePhone(),
    workspace: `Acme ${tag}`,
    password: 'correct horse 42 battery',
    ...overrides,
  };
}

/** The newest code the platform sent to `phone`, read the way a sandbox user reads it. */
export async function latestOtp(url: string, phone: string): Promise<string> {
  const res = await request(url).get('/sandbox/outbox').query({ to: phone }).expect(200);
  const otp = res.body.data.find((m: { kind: string }) => m.kind === 'otp');
  const code = /\b(\d{6})\b/.exec(otp?.body ?? '')?.[1];
  if (!code) throw new Error(`no OTP in the outbox for ${phone}`);
  return code;
}

export interface RegisteredTenant extends TAuthResponse {
  registration: ReturnType<typeof newRegistration>;
  refreshCookie: string;
}

/** Signs up a fresh workspace through the public API, exactly as the web app does. */
export async function registerTenant(url: string, overrides: Parameters<typeof newRegistration>[0] = {}): Promise<RegisteredTenant> {
  const registration = newRegistration(overrides);
  await request(url).post('/auth/register/initiate').send(registration).expect(202);
  const otp = await latestOtp(url, registration.phone);
  const res = await request(url)
    .post('/auth/register')
    .send({ ...registration, otp })
    .expect(201);
  return { ...res.body, registration, refreshCookie: refreshCookieFrom(res.headers['set-cookie']) };
}

export function refreshCookieFrom(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith('aerostic_refresh='));
  if (!cookie) throw new Error('no refresh cookie was set');
  return cookie.split(';')[0];
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
