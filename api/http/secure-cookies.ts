import type { Context } from 'koa';
import type { AppConfig } from '../../config';

/**
 * Whether a cookie set on this response carries `Secure`. In production (or with an https PUBLIC_URL)
 * always: TLS usually ends at a proxy, and whether this request looked secure depends on headers we may
 * not trust (TRUST_PROXY_HOPS=0), so the answer must not depend on them. The cookies library refuses a
 * Secure cookie on a request it believes is plain HTTP; it is told the truth about the deployment instead.
 */
export function secureCookies(ctx: Context, config: AppConfig): boolean {
  if (config.secureCookies) ctx.cookies.secure = true;
  return config.secureCookies;
}
