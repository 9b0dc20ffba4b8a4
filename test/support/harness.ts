import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig, type AppConfig } from '../../config';
import { createDatabase, type Database } from '../../db/connection';
import { createPlatformNotifier } from '../../integrations/notifications/platform-notifier';
import { startServer } from '../../api/server';
import type { RealtimeServer } from '../../api/realtime/socket-server';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../sandbox/razorpay';
import { startMetaSimulator, type MetaSimulator } from '../../sandbox/meta';
import { startGeminiSimulator, type GeminiSimulator } from '../../sandbox/gemini';
import { simulatorControl } from '../../sandbox/ports';
import { createTemporalClient } from '../../infra/temporal/client';
import { platformNotificationActor } from '../../actors/platform-notification';
import { createActivityDeps } from '../../worker/activity-deps';
import { connectRedis } from '../../infra/redis';
import { createWorkers } from '../../worker/create-workers';
import { dailyMetricsScheduleId, ensureSchedules } from '../../worker/schedules';

export interface TestAppOptions {
  trialDays?: number;
  /** Exact trial timing, for tests that watch a trial run out in seconds. */
  trial?: AppConfig['trial'];
  env?: Record<string, string>;
  /** How long a halted subscription keeps access before suspension. */
  graceMs?: number;
  /** Start no worker (tests of the API alone). */
  withoutWorker?: boolean;
}

export interface TestApp {
  url: string;
  config: AppConfig;
  db: Database;
  temporal: Client;
  /** The Razorpay simulator this app's billing talks to, delivering webhooks to this app. */
  razorpay: RazorpaySimulator;
  /** The Meta Graph API simulator (business and customer side), delivering webhooks to this app. */
  meta: MetaSimulator;
  /** The Gemini simulator the AI agent calls (GEMINI_BASE_URL). */
  gemini: GeminiSimulator;
  /** socket.io of this API node. */
  realtime: RealtimeServer;
  stop(): Promise<void>;
}

/**
 * The real product against the test stack that `npm test` provisions (Postgres, Temporal): API on a
 * free port serving the built web app, and a worker on task queues private to this app, so test
 * files running in parallel never pick up each other's workflows.
 */
let runtimeInstalled = false;

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  if (!process.env.DATABASE_URL || !process.env.TEMPORAL_ADDRESS) {
    throw new Error('The test stack is not up: run the tests with `npm test`');
  }
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    AEROSTIC_SANDBOX: '1',
    TEMPORAL_TASK_QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    OTP_RATE_LIMIT_PER_HOUR: '1000',
    WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000',
    ...(options.trialDays ? { TRIAL_DAYS: String(options.trialDays) } : {}),
    ...options.env,
  });
  if (options.trial) config.trial = options.trial;
  if (options.graceMs) config.billing.graceMs = options.graceMs;
  // The app's origin is known once it listens; the simulators read the list on every request.
  const control = simulatorControl(config);
  const razorpay = await startRazorpaySimulator({ keyId: config.razorpay.keyId, keySecret: config.razorpay.keySecret, webhookSecret: config.razorpay.webhookSecret, control });
  config.razorpay.baseUrl = razorpay.url;
  const meta = await startMetaSimulator({ appId: config.meta.appId, appSecret: config.meta.appSecret, graphVersion: config.meta.graphVersion, control });
  config.meta.graphUrl = meta.url;
  config.meta.oauthDialogUrl = meta.dialogUrl;
  const gemini = await startGeminiSimulator({ apiKey: config.gemini.apiKey, control });
  config.gemini.baseUrl = gemini.url;
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const db = createDatabase(config.databaseUrl, { poolMax: 5, appUrl: config.databaseAppUrl });
  const redis = connectRedis(config.redisUrl);
  const temporal = await createTemporalClient(config.temporal, config.encryptionKeys);
  const notifier = createPlatformNotifier(db.system, platformNotificationActor({ temporal, config }).deliver);
  const workers = options.withoutWorker
    ? undefined
    : await createWorkers(config, { ...createActivityDeps(config, db, redis), notifier }, { workflowBundlePath: process.env.AEROSTIC_WORKFLOW_BUNDLE || undefined });
  const workersRunning = workers?.run();
  if (workers) await ensureSchedules(temporal, config);
  const server = await startServer({ config, db, temporal, logger, notifier, redis }, 0, '127.0.0.1');
  config.publicUrl = server.url;
  control.allowedOrigins.push(new URL(server.url).origin);
  razorpay.setWebhookUrl(`${server.url}/webhooks/razorpay`);
  meta.setWebhookUrl(`${server.url}/webhooks/meta`);

  return {
    url: server.url,
    config,
    db,
    temporal,
    razorpay,
    meta,
    gemini,
    realtime: server.realtime,
    async stop() {
      await server.close();
      if (workers)
        await temporal.schedule
          .getHandle(dailyMetricsScheduleId(config))
          .delete()
          .catch(() => undefined);
      workers?.shutdown();
      await workersRunning;
      await temporal.connection.close();
      await db.destroy();
      redis?.disconnect();
      await Promise.all([razorpay.stop(), meta.stop(), gemini.stop()]);
    },
  };
}
