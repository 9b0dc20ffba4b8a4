import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, metaSimulatorUrl, parseEncryptionKeys } from './index';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', TEMPORAL_ADDRESS: '127.0.0.1:7233' };

/** A production environment that passes every check: strong random secrets, distinct keys, https. */
const productionEnv = () => ({
  ...base,
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://app.aerostic.example',
  JWT_SECRET: randomBytes(48).toString('base64url'),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  OTP_PEPPER: randomBytes(32).toString('base64url'),
  SMTP_URL: 'smtp://mail.example.com:587',
  METRICS_TOKEN: randomBytes(24).toString('base64url'),
  ...Object.fromEntries(
    [
      'META_APP_ID',
      'META_APP_SECRET',
      'META_WEBHOOK_VERIFY_TOKEN',
      'GEMINI_API_KEY',
      'RAZORPAY_KEY_ID',
      'RAZORPAY_KEY_SECRET',
      'RAZORPAY_WEBHOOK_SECRET',
      'PLATFORM_PHONE_NUMBER_ID',
      'PLATFORM_WA_TOKEN',
    ].map((name) => [name, randomBytes(24).toString('base64url')]),
  ),
});

describe('configuration', () => {
  it('production refuses to start without real secrets and names the missing ones', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /missing: ENCRYPTION_KEY, META_APP_ID, META_APP_SECRET, META_WEBHOOK_VERIFY_TOKEN, GEMINI_API_KEY, RAZORPAY_KEY_ID/,
    );
  });

  it('production refuses weak secrets, reused or non-random keys and a non-https PUBLIC_URL, naming each', () => {
    const key = () => randomBytes(32).toString('base64');
    const strong = { ...productionEnv(), ENCRYPTION_KEY: `k1:${key()}`, PUBLIC_URL: 'https://app.example.com' };
    expect(loadConfig(strong).publicUrl).toBe('https://app.example.com');
    expect(() => loadConfig({ ...strong, JWT_SECRET: 'x'.repeat(64) })).toThrow(/JWT_SECRET: too predictable/);
    expect(() => loadConfig({ ...strong, JWT_SECRET: 'changeme'.repeat(5) })).toThrow(/JWT_SECRET: too predictable/);
    expect(() => loadConfig({ ...strong, ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}` })).toThrow(/ENCRYPTION_KEY: a key is not random/);
    expect(() => loadConfig({ ...strong, BLIND_INDEX_KEY: strong.ENCRYPTION_KEY.slice(3) })).toThrow(/BLIND_INDEX_KEY: must differ/);
    expect(() => loadConfig({ ...strong, PUBLIC_URL: 'http://app.example.com' })).toThrow(/PUBLIC_URL: must be an https: URL/);
    expect(() => loadConfig({ ...strong, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL: required in production/);
    // Outside production the same values are accepted (embedded mode and tests).
    expect(() =>
      loadConfig({
        ...strong,
        NODE_ENV: 'development',
        AEROSTIC_DATA_DIR: mkdtempSync(join(tmpdir(), 'aerostic-config-')),
        PUBLIC_URL: 'http://localhost:3000',
        JWT_SECRET: 'x'.repeat(64),
      }),
    ).not.toThrow();
  });

  it('embedded mode generates its secrets once into the data dir and keeps them', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aerostic-config-'));
    const first = loadConfig({ ...base, AEROSTIC_DATA_DIR: dataDir });
    const second = loadConfig({ ...base, AEROSTIC_DATA_DIR: dataDir });
    expect(Buffer.from(first.jwt.secret).toString()).toBe(Buffer.from(second.jwt.secret).toString());
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(first.encryptionKeys[0].key).toHaveLength(32);
    expect(JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).jwtSecret).toBeDefined();
    expect(first.sandbox).toBe(true);
  });

  it('rejects invalid values with the variable named', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadConfig({ ...base, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('parses rotation key lists: the first key encrypts, all decrypt', () => {
    const k = (fill: number) => Buffer.alloc(32, fill).toString('base64');
    const keys = parseEncryptionKeys(`k2:${k(2)},k1:${k(1)}`);
    expect(keys.map((x) => x.id)).toEqual(['k2', 'k1']);
    expect(() => parseEncryptionKeys('k1:c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('trial length and reminders come from TRIAL_DAYS and TRIAL_REMINDER_DAYS', () => {
    const config = loadConfig({ ...base, AEROSTIC_DATA_DIR: mkdtempSync(join(tmpdir(), 'aerostic-config-')), TRIAL_DAYS: '14', TRIAL_REMINDER_DAYS: '3,1' });
    expect(config.trial).toEqual({ durationMs: 14 * 86_400_000, reminderOffsetsMs: [3 * 86_400_000, 86_400_000] });
  });

  it('the phone simulator reaches the Meta simulator at SANDBOX_META_PUBLIC_URL, else at the Graph URL, in sandbox mode only', () => {
    const load = (env: Record<string, string>) => loadConfig({ ...base, AEROSTIC_DATA_DIR: mkdtempSync(join(tmpdir(), 'aerostic-config-')), ...env });
    expect(metaSimulatorUrl(load({ AEROSTIC_SANDBOX: '1', META_GRAPH_URL: 'http://127.0.0.1:4020/' }))).toBe('http://127.0.0.1:4020');
    expect(metaSimulatorUrl(load({ AEROSTIC_SANDBOX: '1', META_GRAPH_URL: 'http://127.0.0.1:4020', SANDBOX_META_PUBLIC_URL: 'https://sim.example.com' }))).toBe(
      'https://sim.example.com',
    );
    expect(metaSimulatorUrl(load({ AEROSTIC_SANDBOX: '1' }))).toBeUndefined();
    expect(metaSimulatorUrl(load({ AEROSTIC_SANDBOX: '0', META_GRAPH_URL: 'http://127.0.0.1:4020' }))).toBeUndefined();
  });

  describe('throttles and cookies', () => {
    const production = productionEnv();

    it('production refuses more than one API node without Redis, naming both', () => {
      expect(() => loadConfig({ ...production, API_NODES: '3' })).toThrow(/API_NODES=3 needs REDIS_URL/);
      expect(loadConfig({ ...production, API_NODES: '3', REDIS_URL: 'redis://10.0.0.5:6379' }).redisUrl).toBe('redis://10.0.0.5:6379');
      expect(loadConfig(production).rateLimits.authPerMinute).toBe(20);
    });

    it('trusts no proxy unless TRUST_PROXY_HOPS says how many', () => {
      expect(loadConfig(production).trustProxyHops).toBe(0);
      expect(loadConfig({ ...production, TRUST_PROXY_HOPS: '2' }).trustProxyHops).toBe(2);
      expect(() => loadConfig({ ...production, TRUST_PROXY_HOPS: 'all' })).toThrow(/TRUST_PROXY_HOPS/);
    });

    it('production always sets Secure cookies; plain-http development does not', () => {
      expect(loadConfig(production).secureCookies).toBe(true);
      const dataDir = mkdtempSync(join(tmpdir(), 'aerostic-config-'));
      expect(loadConfig({ ...base, AEROSTIC_DATA_DIR: dataDir }).secureCookies).toBe(false);
      expect(loadConfig({ ...base, AEROSTIC_DATA_DIR: dataDir, PUBLIC_URL: 'https://dev.example' }).secureCookies).toBe(true);
    });
  });

  it('production refuses sandbox mode and names the conflict', () => {
    expect(loadConfig(productionEnv()).sandbox).toBe(false);
    expect(() => loadConfig({ ...productionEnv(), AEROSTIC_SANDBOX: '1' })).toThrow(/NODE_ENV=production conflicts with sandbox mode \(AEROSTIC_SANDBOX=1\)/);
  });

  it('the OTP pepper is its own secret: required in production, generated apart from the JWT secret in embedded mode', () => {
    const { OTP_PEPPER: _pepper, SMTP_URL: _smtp, ...withoutPepper } = productionEnv();
    expect(() => loadConfig(withoutPepper)).toThrow(/missing: OTP_PEPPER, SMTP_URL/);
    const env = productionEnv();
    expect(loadConfig(env).otp.pepper).toBe(env.OTP_PEPPER);

    const dataDir = mkdtempSync(join(tmpdir(), 'aerostic-config-'));
    const embedded = loadConfig({ ...base, AEROSTIC_DATA_DIR: dataDir, JWT_SECRET: 'j'.repeat(40) });
    const stored = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
    expect(embedded.otp.pepper).toBe(stored.otpPepper);
    expect(embedded.otp.pepper).not.toBe('j'.repeat(40));
    expect(embedded.otp.pepper.length).toBeGreaterThanOrEqual(32);
  });
});
