import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Middleware } from 'koa';
import serve from 'koa-static';

/**
 * Serves the built web app, and its index.html for client-side routes (/inbox, /settings/team …)
 * so a reload lands on the right page. Mounted around the API router: API routes keep their JSON 404s
 * for clients that don't ask for HTML.
 */
export function webApp(distDir: string): Middleware[] {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) return [];
  const fallback: Middleware = async (ctx, next) => {
    await next();
    if (ctx.method !== 'GET' || ctx.body !== undefined || ctx.status !== 404) return;
    if (ctx.accepts('json', 'html') !== 'html' || ctx.path.includes('.')) return;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = readFileSync(indexFile);
  };
  return [fallback, serve(distDir, { index: 'index.html', maxage: 0 }) as Middleware];
}
