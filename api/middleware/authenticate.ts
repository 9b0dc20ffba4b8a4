import type { Middleware } from 'koa';
import { AppError } from '../../domain/errors';
import { tenantAccess } from '../../domain/trial';
import { withTenant } from '../../db/tenant-transaction';
import { findTenant, type Tenant } from '../../db/tenants/tenants';
import { findUser } from '../../db/users/users';
import type { AppConfig } from '../../config';
import type { Database } from '../../db/connection';
import { verifyAccessToken } from '../auth/access-tokens';
import type { AccessGuards } from '../http/route-registry';
import { platformAdminGuard } from '../platform/authenticate';

/**
 * Bearer JWT → the caller's user and tenant, re-read on every request so a deactivated user or a
 * changed role takes effect at once rather than when the token expires.
 */
export function createAccessGuards(config: AppConfig, db: Database): AccessGuards {
  const authenticate: Middleware = async (ctx, next) => {
    const header = ctx.get('authorization');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('unauthenticated', 'Sign in first: send Authorization: Bearer <token>');
    const principal = await verifyAccessToken(config.jwt, match[1]);
    const found = await withTenant(db.app, principal.tenantId, async (trx) => ({
      user: await findUser(trx, principal.userId),
      tenant: await findTenant(trx, principal.tenantId),
    }));
    if (!found.user || !found.tenant) throw new AppError('token_invalid', 'The access token is not valid');
    if (found.user.status !== 'active') throw new AppError('account_deactivated', 'This account is not active; ask your workspace admin');
    ctx.state.auth = { userId: found.user.id, tenantId: found.tenant.id, role: found.user.role };
    ctx.state.user = found.user;
    ctx.state.tenant = found.tenant;
    await next();
  };

  const requireAdmin: Middleware = async (ctx, next) => {
    if (ctx.state.auth?.role !== 'admin') throw new AppError('forbidden', 'Only workspace admins can do this');
    await next();
  };

  const requireActiveTenant: Middleware = async (ctx, next) => {
    const tenant = ctx.state.tenant as Tenant;
    if (tenantAccess(tenant, new Date()).blocked) {
      throw new AppError('subscription_required', 'Your trial has ended; choose a plan under Billing to continue');
    }
    await next();
  };

  return { authenticate, requireAdmin, requireActiveTenant, authenticatePlatformAdmin: platformAdminGuard(config, db) };
}
