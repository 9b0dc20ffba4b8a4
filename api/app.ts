import Koa from 'koa';
import { metaSimulatorUrl } from '../config';
import type { ApiDeps } from './deps';
import { registerAuthRoutes } from './auth/router';
import { registerHealthRoutes } from './health/router';
import { createApiMetrics } from './health/metrics';
import { RouteRegistry } from './http/route-registry';
import { createThrottles } from './http/throttle';
import { createAccessGuards } from './middleware/authenticate';
import { errorHandler } from './middleware/error-handler';
import { jsonBody } from './middleware/json-body';
import { createRateLimiters } from './middleware/rate-limits';
import { requestId } from './middleware/request-id';
import { requestLog } from './middleware/request-log';
import { securityHeaders, webCors } from './middleware/security';
import { buildOpenApiDocument } from './openapi/document';
import { renderDocsPage } from './openapi/docs-page';
import { registerSandboxRoutes } from './sandbox/router';
import { registerSandboxInfoRoutes } from './sandbox/info-router';
import { registerUserRoutes } from './users/router';
import { registerBillingRoutes } from './billing/router';
import { registerWebhookRoutes } from './webhooks/router';
import { registerPlatformRoutes } from './platform/router';
import { registerMetaWebhookRoutes } from './webhooks/meta/router';
import { registerMessageRoutes } from './messages/router';
import { registerConversationRoutes } from './inbox/router';
import { MEDIA_UPLOAD_PATH, registerMediaRoutes } from './media/router';
import { registerWhatsappRoutes } from './whatsapp/router';
import { registerAiRoutes } from './ai/router';
import { KNOWLEDGE_UPLOAD_PATH } from './ai/read-knowledge-body';
import { registerInboxSettingsRoutes } from './inbox-settings/router';
import { registerOnboardingRoutes } from './onboarding/router';
import { webApp } from './web-app';

const API_VERSION = '0.1.0';

/** Builds the Koa app from its dependencies; it never listens (server.ts does, tests use callback()). */
export function createApp(deps: ApiDeps): Koa {
  // Only the configured hops are believed: with none, a forged X-Forwarded-For changes nothing.
  const hops = deps.config.trustProxyHops;
  const app = new Koa({ proxy: hops > 0, maxIpsCount: hops });
  const metrics = createApiMetrics();
  const limiters = createRateLimiters(deps.config.rateLimits, deps.redis);
  const routes = new RouteRegistry(createAccessGuards(deps.config, deps.db), createThrottles(deps.config, deps.redis));

  registerHealthRoutes(routes, deps, metrics);
  registerAuthRoutes(routes, deps, limiters);
  registerUserRoutes(routes, deps);
  registerBillingRoutes(routes, deps);
  registerWebhookRoutes(routes, deps);
  registerWhatsappRoutes(routes, deps);
  registerPlatformRoutes(routes, deps);
  registerMetaWebhookRoutes(routes, deps, metrics);
  registerMessageRoutes(routes, deps);
  registerConversationRoutes(routes, deps);
  registerMediaRoutes(routes, deps);
  registerAiRoutes(routes, deps);
  registerInboxSettingsRoutes(routes, deps);
  registerOnboardingRoutes(routes, deps);
  if (deps.config.sandbox) registerSandboxRoutes(routes, deps);
  if (deps.config.sandbox) registerSandboxInfoRoutes(routes, deps);

  const openApi = buildOpenApiDocument(routes.specs, { version: API_VERSION, serverUrl: deps.config.publicUrl });
  routes.router.get('/openapi.json', (ctx) => {
    ctx.body = openApi;
  });
  const docsPage = renderDocsPage(openApi);
  routes.router.get('/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = docsPage;
  });

  // Errors past the error middleware are broken connections (a client that left mid-download): not ours to fix.
  app.on('error', (err: Error & { code?: string }) => deps.logger.debug({ code: err.code, message: err.message }, 'connection error'));
  app.use(requestId());
  app.use(errorHandler(deps.logger));
  app.use(requestLog(deps.logger));
  app.use(securityHeaders({ metaSimulatorUrl: metaSimulatorUrl(deps.config) }));
  app.use(webCors(deps.config.webOrigin));
  app.use(metrics.middleware);
  for (const middleware of webApp(deps.config.webDistDir)) app.use(middleware);
  app.use(jsonBody(deps.config.bodyLimitBytes, { rawOnlyPrefixes: ['/webhooks/'], streamedPaths: [MEDIA_UPLOAD_PATH, KNOWLEDGE_UPLOAD_PATH] }));
  app.use(routes.declaredAllow);
  app.use(routes.router.routes());
  app.use(routes.router.allowedMethods());
  return app;
}
