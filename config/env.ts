import { z } from 'zod';

/** SPEC §4: every variable the product reads, with its embedded-mode default. */
const optionalUrl = z.url().optional();
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const ZEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl,
  WEB_ORIGIN: optionalUrl,
  AEROSTIC_DATA_DIR: z.string().optional(),
  AEROSTIC_SANDBOX: flag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** The login of the RLS-bound app role; default: DATABASE_URL with `aerostic_app` and a derived password. */
  DATABASE_APP_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE_PREFIX: z.string().default(''),
  TEMPORAL_UI_URL: optionalUrl,
  /** A Temporal cluster over TLS / mTLS (PEM text or a file path each) or with an API key (Temporal Cloud). */
  TEMPORAL_TLS_CERT: z.string().optional(),
  TEMPORAL_TLS_KEY: z.string().optional(),
  TEMPORAL_TLS_CA: z.string().optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ENCRYPTION_KEY: z.string().optional(),
  BLIND_INDEX_KEY: z.string().optional(),
  OTP_PEPPER: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Aerostic <no-reply@aerostic.local>'),

  TRIAL_DAYS: z.coerce.number().positive().default(7),
  TRIAL_REMINDER_DAYS: z.string().default('2,1'),
  CONVERSATION_QUIET_MINUTES: z.coerce.number().positive().default(60),
  META_RATE_PER_SECOND: z.coerce.number().int().positive().default(80),
  BILLING_GRACE_DAYS: z.coerce.number().positive().default(3),

  META_APP_ID: z.string().optional(),
  META_APP_SECRET: z.string().optional(),
  META_WEBHOOK_VERIFY_TOKEN: z.string().optional(),
  META_CONFIG_ID: z.string().optional(),
  META_GRAPH_URL: z.url().default('https://graph.facebook.com'),
  META_GRAPH_VERSION: z.string().default('v21.0'),
  META_OAUTH_DIALOG_URL: z.string().optional(),
  /** Where a browser reaches the sandbox's Meta simulator (the phone simulator page); default: META_GRAPH_URL. */
  SANDBOX_META_PUBLIC_URL: optionalUrl,
  /** Token the simulators' /_sim control routes require; default: derived from JWT_SECRET. */
  SANDBOX_CONTROL_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  PLATFORM_PHONE_NUMBER_ID: z.string().optional(),
  PLATFORM_WA_TOKEN: z.string().optional(),

  GEMINI_API_KEY: z.string().optional(),
  GEMINI_BASE_URL: optionalUrl,
  GEMINI_MODEL: z.string().default('gemini-2.5-flash'),

  RAZORPAY_KEY_ID: z.string().optional(),
  RAZORPAY_KEY_SECRET: z.string().optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().optional(),
  RAZORPAY_BASE_URL: optionalUrl,

  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  OTP_RATE_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(10),
  WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(12_000),
  /** Reverse proxies in front of the API whose X-Forwarded-For entry is trusted; 0 = the socket's address only. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** How many API processes serve this deployment; more than one needs Redis for shared throttles. */
  API_NODES: z.coerce.number().int().positive().default(1),
  OTP_DAILY_ATTEMPTS: z.coerce.number().int().positive().default(15),
  OTP_RESEND_COOLDOWN_SECONDS: z.coerce.number().int().nonnegative().default(60),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_000_000),
  /** Bearer token Prometheus presents at /metrics; required in production. */
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
});

export type Env = z.infer<typeof ZEnvSchema>;

/** Secrets production must be given explicitly; embedded mode generates them into the data dir. */
export const productionSecrets = [
  'DATABASE_URL',
  'TEMPORAL_ADDRESS',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'META_APP_ID',
  'META_APP_SECRET',
  'META_WEBHOOK_VERIFY_TOKEN',
  'GEMINI_API_KEY',
  'RAZORPAY_KEY_ID',
  'RAZORPAY_KEY_SECRET',
  'RAZORPAY_WEBHOOK_SECRET',
  'PLATFORM_PHONE_NUMBER_ID',
  'PLATFORM_WA_TOKEN',
  'BLIND_INDEX_KEY',
  'OTP_PEPPER',
  'SMTP_URL',
  'METRICS_TOKEN',
] as const satisfies readonly (keyof Env)[];
