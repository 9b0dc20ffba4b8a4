import { errors, jwtVerify, SignJWT } from 'jose';
import { ZRoleSchema } from '../../domain/auth';
import { AppError } from '../../domain/errors';
import type { AppConfig } from '../../config';
import type { AuthPrincipal } from './principal';

export async function signAccessToken(jwt: AppConfig['jwt'], principal: AuthPrincipal): Promise<string> {
  return new SignJWT({ tid: principal.tenantId, role: principal.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt()
    .setExpirationTime(`${jwt.accessTtlSeconds}s`)
    .sign(jwt.secret);
}

/** Only HS256 is accepted, so `alg: none` and algorithm-confusion tokens fail verification. */
export async function verifyAccessToken(jwt: AppConfig['jwt'], token: string): Promise<AuthPrincipal> {
  try {
    const { payload } = await jwtVerify(token, jwt.secret, { algorithms: ['HS256'], issuer: jwt.issuer, audience: jwt.audience });
    const role = ZRoleSchema.safeParse(payload.role);
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || !role.success) {
      throw new AppError('token_invalid', 'The access token is not valid');
    }
    return { userId: payload.sub, tenantId: payload.tid, role: role.data };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof errors.JWTExpired) throw new AppError('token_expired', 'The access token has expired; refresh it');
    throw new AppError('token_invalid', 'The access token is not valid');
  }
}
