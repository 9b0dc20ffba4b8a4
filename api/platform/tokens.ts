import { errors, jwtVerify, SignJWT } from 'jose';
import { platformRole } from '../../domain/platform';
import { AppError } from '../../domain/errors';
import type { AppConfig } from '../../config';
import type { PlatformPrincipal } from './principal';

/**
 * Same secret and issuer as tenant tokens but their own audience: jose checks `aud` on both sides,
 * so a platform token is refused on tenant routes and a tenant token here.
 */
export async function signPlatformToken(jwt: AppConfig['jwt'], platformAdminId: string): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + jwt.accessTtlSeconds;
  const token = await new SignJWT({ role: platformRole })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(platformAdminId)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.platformAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(jwt.secret);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

export async function verifyPlatformToken(jwt: AppConfig['jwt'], token: string): Promise<PlatformPrincipal> {
  try {
    const { payload } = await jwtVerify(token, jwt.secret, { algorithms: ['HS256'], issuer: jwt.issuer, audience: jwt.platformAudience });
    if (typeof payload.sub !== 'string' || payload.role !== platformRole || payload.tid !== undefined) {
      throw new AppError('token_invalid', 'The access token is not valid');
    }
    return { platformAdminId: payload.sub, role: platformRole };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof errors.JWTExpired) throw new AppError('token_expired', 'The access token has expired; sign in again');
    throw new AppError('token_invalid', 'The access token is not valid');
  }
}
