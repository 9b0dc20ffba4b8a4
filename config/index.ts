import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ZEnvSchema, productionSecrets, type Env } from './env';
import { productionSecretProblems } from './production-checks';
import { loadOrCreateEmbeddedSecrets } from './secrets';
import { TemporalTlsError, temporalConnectionSettings, type TemporalConnectionSettings } from './temporal-connection';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  sandbox: boolean;
  port: number;
  host: string;
  publicUrl: string;
  webOrigin: string;
  dataDir: string;
  webDistDir: string;
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string;
  /** Given only when the operator manages the app role's login (DATABASE_APP_URL); else derived. */
  databaseAppUrl?: string;
  redisUrl?: string;
  temporal: { address: string; namespace: string; taskQueuePrefix: string; uiUrl: string; connection: TemporalConnectionSettings };
  /** `audience` is tenant tokens'; platform (super) admin tokens carry `platformAudience`, so neither is accepted for the other. */
  jwt: { secret: Uint8Array; issuer: string; audience: string; platformAudience: string; accessTtlSeconds: number; refreshTtlDays: number };
  /** The first key encrypts; every key listed can decrypt (rotation). */
  encryptionKeys: EncryptionKey[];
  /** Keys the blind indexes (lookups of encrypted phone numbers) and contact keys; never rotated. */
  blindIndexKey: Buffer;
  /** `dailyAttempts`: wrong codes one phone may try in 24 hours, across every challenge sent to it. */
  otp: { pepper: string; ttlMinutes: number; maxAttempts: number; dailyAttempts: number; resendCooldownSeconds: number };
  /** Verification and password-reset mail: SMTP in production, the sandbox outbox without `smtpUrl`. */
  mail: { smtpUrl?: string; from: string };
  trial: { durationMs: number; reminderOffsetsMs: number[] };
  billing: { graceMs: number };
  conversations: { quietPeriodMs: number; channelQuietPeriodMs: number; metaRatePerSecond: number };
  /** `lockoutMaxSeconds` caps the doubling lockout of a throttle key that keeps failing. */
  rateLimits: { authPerMinute: number; otpPerHour: number; webhookPerMinute: number; windowSeconds: number; lockoutMaxSeconds: number };
  /** Proxy hops whose X-Forwarded-For entry is believed (0: the socket address is the client). */
  trustProxyHops: number;
  /** Cookies carry `Secure` whatever the request looked like (production, or an https PUBLIC_URL). */
  secureCookies: boolean;
  bodyLimitBytes: number;
  /** Bearer token for /metrics; undefined (open endpoint) only outside production. */
  metricsToken?: string;
  /** `simulatorPublicUrl`: the sandbox simulator as a browser reaches it, when that differs from `graphUrl`. */
  meta: {
    appId: string;
    appSecret: string;
    webhookVerifyToken: string;
    configId: string;
    graphUrl: string;
    graphVersion: string;
    oauthDialogUrl: string;
    simulatorPublicUrl?: string;
  };
  gemini: { apiKey: string; baseUrl?: string; model: string };
  razorpay: { keyId: string; keySecret: string; webhookSecret: string; baseUrl?: string };
  platform: { phoneNumberId?: string; waToken?: string };
  /** The simulators' control token (sandbox mode), shared with the web app through /sandbox/info. */
  sandboxControlToken: string;
}

export class ConfigError extends Error {}

const DAY_MS = 86_400_000;

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production) {
    const missing = productionSecrets.filter((name) => !env[name]);
    if (missing.length) throw new ConfigError(`Production needs real secrets; missing: ${missing.join(', ')}`);
    const weak = productionSecretProblems(env);
    if (weak.length) throw new ConfigError(`Production refuses weak settings:\n${weak.map((p) => `  ${p}`).join('\n')}`);
  }
  if (production && env.API_NODES > 1 && !env.REDIS_URL) {
    throw new ConfigError(`API_NODES=${env.API_NODES} needs REDIS_URL: throttles counted per process would multiply by the node count`);
  }
  if (!env.DATABASE_URL) throw new ConfigError('DATABASE_URL is not set (npm start provides the embedded Postgres)');
  if (!env.TEMPORAL_ADDRESS) throw new ConfigError('TEMPORAL_ADDRESS is not set (npm start provides the dev server)');

  const dataDir = resolve(env.AEROSTIC_DATA_DIR ?? '.data');
  const generated = production ? undefined : loadOrCreateEmbeddedSecrets(dataDir);
  const pick = (given: string | undefined, fallback: string | undefined) => given ?? fallback ?? '';
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const sandbox = env.AEROSTIC_SANDBOX ?? !(env.META_APP_ID && env.META_APP_SECRET);
  if (production && sandbox) {
    throw new ConfigError(
      'NODE_ENV=production conflicts with sandbox mode (AEROSTIC_SANDBOX=1): the sandbox outbox and simulators are for one machine only; set AEROSTIC_SANDBOX=0',
    );
  }

  return {
    env: env.NODE_ENV,
    sandbox,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    webOrigin: env.WEB_ORIGIN ?? new URL(publicUrl).origin,
    dataDir,
    webDistDir: resolve(__dirname, '..', 'web', 'dist'),
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    databaseAppUrl: env.DATABASE_APP_URL,
    redisUrl: env.REDIS_URL,
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueuePrefix: env.TEMPORAL_TASK_QUEUE_PREFIX,
      uiUrl: env.TEMPORAL_UI_URL ?? 'http://localhost:8233',
      connection: temporalConnection(env.TEMPORAL_ADDRESS, env),
    },
    jwt: {
      secret: new TextEncoder().encode(pick(env.JWT_SECRET, generated?.jwtSecret)),
      issuer: 'aerostic',
      audience: 'aerostic-api',
      platformAudience: 'aerostic-platform',
      accessTtlSeconds: 15 * 60,
      refreshTtlDays: 30,
    },
    encryptionKeys: parseEncryptionKeys(pick(env.ENCRYPTION_KEY, generated?.encryptionKey)),
    blindIndexKey: parseKey('BLIND_INDEX_KEY', pick(env.BLIND_INDEX_KEY, generated?.blindIndexKey)),
    otp: {
      pepper: pick(env.OTP_PEPPER, generated?.otpPepper),
      ttlMinutes: 10,
      maxAttempts: 5,
      dailyAttempts: env.OTP_DAILY_ATTEMPTS,
      resendCooldownSeconds: env.OTP_RESEND_COOLDOWN_SECONDS,
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    trial: {
      durationMs: env.TRIAL_DAYS * DAY_MS,
      reminderOffsetsMs: parseDayList(env.TRIAL_REMINDER_DAYS).map((d) => d * DAY_MS),
    },
    billing: { graceMs: env.BILLING_GRACE_DAYS * DAY_MS },
    conversations: { quietPeriodMs: env.CONVERSATION_QUIET_MINUTES * 60_000, channelQuietPeriodMs: 10 * 60_000, metaRatePerSecond: env.META_RATE_PER_SECOND },
    rateLimits: {
      authPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
      otpPerHour: env.OTP_RATE_LIMIT_PER_HOUR,
      webhookPerMinute: env.WEBHOOK_RATE_LIMIT_PER_MINUTE,
      windowSeconds: 60,
      lockoutMaxSeconds: 3600,
    },
    trustProxyHops: env.TRUST_PROXY_HOPS,
    secureCookies: production || publicUrl.startsWith('https:'),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    metricsToken: env.METRICS_TOKEN,
    meta: {
      appId: pick(env.META_APP_ID, 'sandbox-app'),
      appSecret: pick(env.META_APP_SECRET, generated?.metaAppSecret),
      webhookVerifyToken: pick(env.META_WEBHOOK_VERIFY_TOKEN, generated?.metaWebhookVerifyToken),
      configId: pick(env.META_CONFIG_ID, 'sandbox-config'),
      graphUrl: env.META_GRAPH_URL,
      graphVersion: env.META_GRAPH_VERSION,
      oauthDialogUrl: env.META_OAUTH_DIALOG_URL ?? `https://www.facebook.com/${env.META_GRAPH_VERSION}/dialog/oauth`,
      simulatorPublicUrl: env.SANDBOX_META_PUBLIC_URL,
    },
    gemini: { apiKey: pick(env.GEMINI_API_KEY, 'sandbox-gemini-key'), baseUrl: env.GEMINI_BASE_URL, model: env.GEMINI_MODEL },
    razorpay: {
      keyId: pick(env.RAZORPAY_KEY_ID, 'rzp_test_sandbox'),
      keySecret: pick(env.RAZORPAY_KEY_SECRET, generated?.razorpayKeySecret),
      webhookSecret: pick(env.RAZORPAY_WEBHOOK_SECRET, generated?.razorpayWebhookSecret),
      baseUrl: env.RAZORPAY_BASE_URL,
    },
    platform: { phoneNumberId: env.PLATFORM_PHONE_NUMBER_ID, waToken: env.PLATFORM_WA_TOKEN },
    sandboxControlToken: env.SANDBOX_CONTROL_TOKEN ?? createHmac('sha256', pick(env.JWT_SECRET, generated?.jwtSecret)).update('aerostic sandbox control').digest('base64url'),
  };
}

/**
 * The Meta simulator's browser-facing base URL in sandbox mode (its Graph base URL is its base URL),
 * or undefined outside the sandbox or when the Graph URL is the real one.
 */
export function metaSimulatorUrl(config: AppConfig): string | undefined {
  if (!config.sandbox) return undefined;
  if (config.meta.simulatorPublicUrl) return config.meta.simulatorPublicUrl.replace(/\/+$/, '');
  // Sandbox mode pointed at the real Graph API (an explicit override) has no simulator to show.
  if (new URL(config.meta.graphUrl).hostname.endsWith('facebook.com')) return undefined;
  return config.meta.graphUrl.replace(/\/+$/, '');
}

const ZKeySchema = z
  .string()
  .transform((raw) => Buffer.from(raw, 'base64'))
  .refine((b) => b.length === 32, 'must be 32 bytes, base64');

function parseKey(name: string, raw: string): Buffer {
  const key = ZKeySchema.safeParse(raw.trim());
  if (!key.success) throw new ConfigError(`${name}: ${key.error.issues[0].message}`);
  return key.data;
}

/** `ENCRYPTION_KEY` is `id:base64key[,id:base64key…]`; a bare key gets the id `k1`. */
export function parseEncryptionKeys(raw: string): EncryptionKey[] {
  const keys = raw.split(',').map((entry, index) => {
    const [id, material] = entry.includes(':') ? entry.split(':', 2) : [`k${index + 1}`, entry];
    const key = ZKeySchema.safeParse(material.trim());
    if (!key.success) throw new ConfigError(`ENCRYPTION_KEY entry "${id}": ${key.error.issues[0].message}`);
    return { id: id.trim(), key: key.data };
  });
  if (!keys.length) throw new ConfigError('ENCRYPTION_KEY has no key');
  return keys;
}

function temporalConnection(address: string, env: Env): TemporalConnectionSettings {
  try {
    return temporalConnectionSettings(address, env);
  } catch (err) {
    if (err instanceof TemporalTlsError) throw new ConfigError(err.message);
    throw err;
  }
}

function parseDayList(raw: string): number[] {
  const days = raw.split(',').filter(Boolean).map(Number);
  if (days.some((d) => !Number.isFinite(d) || d <= 0)) throw new ConfigError('TRIAL_REMINDER_DAYS must list positive numbers');
  return days;
}
