import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './index';
import { temporalConnectOptions, temporalConnectionSettings } from './temporal-connection';

const base = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  TEMPORAL_ADDRESS: 'aerostic.a1b2c.tmprl.cloud:7233',
  AEROSTIC_DATA_DIR: mkdtempSync(join(tmpdir(), 'aerostic-tls-')),
};
const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${Buffer.from(body).toString('base64')}\n-----END ${label}-----\n`;
const CERT = pem('CERTIFICATE', 'client certificate');
const KEY = pem('PRIVATE KEY', 'client key');
const CA = pem('CERTIFICATE', 'cluster root');

describe('Temporal connection settings (TEMPORAL_TLS_*, TEMPORAL_API_KEY)', () => {
  it('without any: a plain connection to the dev server, as before', () => {
    const config = loadConfig({ ...base, TEMPORAL_ADDRESS: '127.0.0.1:7233' });
    expect(temporalConnectOptions(config.temporal.connection)).toEqual({ address: '127.0.0.1:7233' });
  });

  it('mTLS from PEM text: client pair, cluster CA and server name reach the connect options', () => {
    const config = loadConfig({ ...base, TEMPORAL_TLS_CERT: CERT, TEMPORAL_TLS_KEY: KEY, TEMPORAL_TLS_CA: CA, TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' });
    const options = temporalConnectOptions(config.temporal.connection);
    expect(options.address).toBe(base.TEMPORAL_ADDRESS);
    expect(options.apiKey).toBeUndefined();
    expect(options.tls).toEqual({
      serverNameOverride: 'temporal.internal',
      serverRootCACertificate: Buffer.from(CA),
      clientCertPair: { crt: Buffer.from(CERT), key: Buffer.from(KEY) },
    });
  });

  it('mTLS from file paths (mounted secrets), and PEM with escaped newlines from a one-line env file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aerostic-pem-'));
    writeFileSync(join(dir, 'client.crt'), CERT);
    writeFileSync(join(dir, 'client.key'), KEY);
    const settings = temporalConnectionSettings('t:7233', {
      TEMPORAL_TLS_CERT: join(dir, 'client.crt'),
      TEMPORAL_TLS_KEY: join(dir, 'client.key'),
      TEMPORAL_TLS_CA: CA.replace(/\n/g, '\\n'),
    });
    expect(settings.tls?.clientCertPair).toEqual({ crt: Buffer.from(CERT), key: Buffer.from(KEY) });
    expect(settings.tls?.serverRootCACertificate?.toString()).toBe(CA);
  });

  it('an API key alone turns TLS on with the system roots (Temporal Cloud)', () => {
    const config = loadConfig({ ...base, TEMPORAL_API_KEY: ' cloud-api-key ' });
    expect(temporalConnectOptions(config.temporal.connection)).toEqual({ address: base.TEMPORAL_ADDRESS, tls: true, apiKey: 'cloud-api-key' });
  });

  it('refuses to start with half a client pair or an unreadable file, naming the variable', () => {
    expect(() => loadConfig({ ...base, TEMPORAL_TLS_CERT: CERT })).toThrow(/TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together/);
    expect(() => loadConfig({ ...base, TEMPORAL_TLS_CA: '/nonexistent/ca.pem' })).toThrow(/TEMPORAL_TLS_CA: not PEM text and no readable file at "\/nonexistent\/ca.pem"/);
  });
});
