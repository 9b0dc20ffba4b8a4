import { readFileSync } from 'node:fs';
import type { Env } from './env';

export interface TemporalTls {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

/** How the API's client and the worker reach the Temporal frontend: plain (dev server), TLS, mTLS, API key. */
export interface TemporalConnectionSettings {
  address: string;
  /** Undefined: plaintext, unless an API key is set (the SDK then uses TLS with the system's roots). */
  tls?: TemporalTls;
  apiKey?: string;
}

type TlsEnv = Pick<Env, 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY'>;

export class TemporalTlsError extends Error {}

/**
 * Certificates are given as PEM text or as the path of a PEM file (a mounted secret); either way
 * they are read once at start-up, so a wrong path stops the process naming the variable.
 */
export function temporalConnectionSettings(address: string, env: TlsEnv, readFile: (path: string) => Buffer = readFileSync): TemporalConnectionSettings {
  const pem = (name: keyof TlsEnv): Buffer | undefined => {
    const raw = env[name];
    const value = raw?.trim();
    if (!raw || !value) return undefined;
    if (value.includes('-----BEGIN ')) return Buffer.from(raw.replace(/\\n/g, '\n'));
    try {
      return readFile(value);
    } catch {
      throw new TemporalTlsError(`${name}: not PEM text and no readable file at "${value}"`);
    }
  };
  const crt = pem('TEMPORAL_TLS_CERT');
  const key = pem('TEMPORAL_TLS_KEY');
  if (Boolean(crt) !== Boolean(key)) throw new TemporalTlsError('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (mTLS needs both)');
  const ca = pem('TEMPORAL_TLS_CA');
  const serverName = env.TEMPORAL_TLS_SERVER_NAME?.trim() || undefined;
  const apiKey = env.TEMPORAL_API_KEY?.trim() || undefined;
  const tls: TemporalTls | undefined =
    crt || ca || serverName
      ? {
          ...(serverName ? { serverNameOverride: serverName } : {}),
          ...(ca ? { serverRootCACertificate: ca } : {}),
          ...(crt && key ? { clientCertPair: { crt, key } } : {}),
        }
      : undefined;
  return { address, ...(tls ? { tls } : {}), ...(apiKey ? { apiKey } : {}) };
}

/** The options object both `Connection.connect` (client) and `NativeConnection.connect` (worker) take. */
export function temporalConnectOptions(settings: TemporalConnectionSettings): { address: string; tls?: TemporalTls | true; apiKey?: string } {
  const { address, tls, apiKey } = settings;
  return { address, ...(tls ? { tls } : apiKey ? { tls: true } : {}), ...(apiKey ? { apiKey } : {}) };
}
