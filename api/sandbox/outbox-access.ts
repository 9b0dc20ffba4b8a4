import { jwtVerify, SignJWT } from 'jose';
import type { Context } from 'koa';
import type { AppConfig } from '../../config';
import { AppError } from '../../domain/errors';

export const OUTBOX_COOKIE = 'aerostic_outbox';
const AUDIENCE = 'aerostic-outbox';
const GRANT_TTL_SECONDS = 30 * 60;
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * The sandbox outbox shows sign-up codes, so it answers only this machine or the browser that asked
 * for the code. "This machine" is the socket's own address, never a header; and a request that came
 * through a proxy (it carries forwarding headers) is not from this machine, whatever its socket says.
 */
export function isLocalRequest(ctx: Context): boolean {
  if (FORWARDING_HEADERS.some((h) => ctx.get(h) !== '')) return false;
  const address = ctx.req.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

/** Sandbox mode: lets this browser read what is sent to `recipients` (an httpOnly cookie signed by us). */
export async function grantOutboxAccess(ctx: Context, config: AppConfig, recipients: string[]): Promise<void> {
  if (!config.sandbox) return;
  const held = await readGrant(ctx, config);
  const to = [...new Set([...held, ...recipients])].slice(-10);
  const grant = await new SignJWT({ to })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${GRANT_TTL_SECONDS}s`)
    .sign(config.jwt.secret);
  ctx.cookies.set(OUTBOX_COOKIE, grant, { httpOnly: true, sameSite: 'strict', path: '/sandbox', maxAge: GRANT_TTL_SECONDS * 1000, overwrite: true });
}

export async function assertOutboxReader(ctx: Context, config: AppConfig, to: string): Promise<void> {
  if (isLocalRequest(ctx)) return;
  if ((await readGrant(ctx, config)).includes(to)) return;
  throw new AppError('forbidden', 'The sandbox outbox answers only this machine or the browser that asked for the code');
}

async function readGrant(ctx: Context, config: AppConfig): Promise<string[]> {
  const cookie = ctx.cookies.get(OUTBOX_COOKIE);
  if (!cookie) return [];
  try {
    const { payload } = await jwtVerify(cookie, config.jwt.secret, { algorithms: ['HS256'], audience: AUDIENCE });
    return Array.isArray(payload.to) ? payload.to.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
