import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDataDir, loadOrCreateEmbeddedSecrets } from './secrets';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data dir and its secrets are private', () => {
  it('a fresh data dir is created 0700 and secrets.json 0600', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'aerostic-secrets-')), 'nested', '.data');
    loadOrCreateEmbeddedSecrets(dataDir);
    expect(modeOf(dataDir).toString(8)).toBe('700');
    expect(modeOf(join(dataDir, 'secrets.json')).toString(8)).toBe('600');
  });

  it('an existing data dir readable by others, and a world-readable secrets.json, are tightened', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'aerostic-secrets-'));
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'secrets.json'), '{}', { mode: 0o644 });
    chmodSync(join(dataDir, 'secrets.json'), 0o644);
    const secrets = loadOrCreateEmbeddedSecrets(dataDir);
    expect(secrets.jwtSecret.length).toBeGreaterThanOrEqual(32);
    // No read or write for group/other; a search-only bit (for the postgres OS user) may stay.
    expect(modeOf(dataDir) & 0o066).toBe(0);
    expect(modeOf(join(dataDir, 'secrets.json')).toString(8)).toBe('600');
  });

  it('the stack’s own data dirs get the same treatment', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'aerostic-secrets-')), 'test');
    mkdirSync(dataDir, { mode: 0o777 });
    chmodSync(dataDir, 0o777);
    ensurePrivateDataDir(dataDir);
    expect(modeOf(dataDir).toString(8)).toBe('711');
  });
});
