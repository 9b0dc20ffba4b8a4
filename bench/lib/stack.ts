import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { migrateLatest } from '../../db/migrate';
import { freePort } from '../../scripts/stack/free-port';
import { log } from '../../scripts/stack/log';
import { startPostgres } from '../../scripts/stack/postgres';
import type { StackLock } from '../../scripts/stack/stack-lock';
import type { Teardown } from '../../scripts/stack/teardown';
import { startTemporal } from '../../scripts/stack/temporal';
import { temporalCliPath } from '../../scripts/stack/temporal-cli-path';

export interface BenchStack {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  temporalPid: number | undefined;
  postgresPid: number | undefined;
  /** Prebuilt workflow bundle for the worker process (undefined: the worker bundles at start-up). */
  workflowBundle: string | undefined;
  temporalVersion: string;
}

/** Everything from the previous run goes, except the lock that just proved no other run is using it. */
export function wipeDataDir(dataDir: string): void {
  for (const entry of readdirSync(dataDir)) {
    if (entry !== 'stack.lock') rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
}

function cliVersion(cliPath: string): string {
  try {
    return execFileSync(cliPath, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim().split('\n')[0];
  } catch {
    return 'unknown';
  }
}

/**
 * The same isolated stack `npm test` provisions, in `dataDir`: embedded Postgres (fsync off) and a
 * headless Temporal dev server on a file-backed SQLite db with the WAL pragmas `npm start` uses, both on
 * free loopback ports; migrations applied. Each is registered with `teardown` as soon as it is up.
 */
export async function startBenchStack(root: string, dataDir: string, teardown: Teardown, lock: StackLock, signal: AbortSignal, opts: { bundle: boolean }): Promise<BenchStack> {
  const bundle = opts.bundle ? bundleWorkflows(root, dataDir) : Promise.resolve(undefined);
  bundle.catch(() => undefined);
  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const cliPath = temporalCliPath(process.env);
  const [pg, server] = await Promise.allSettled([
    startPostgres({ databaseDir: join(dataDir, 'postgres'), port: pgPort, unsafeFast: true }),
    startTemporal({
      cliPath,
      dbFile: join(dataDir, 'temporal.db'),
      logFile: join(dataDir, 'temporal.log'),
      port: temporalPort,
      signal,
      onSpawn: (pid) => lock.record({ name: 'Temporal', pid, marker: join(dataDir, 'temporal.db') }),
    }),
  ]);
  // Registered in this order whichever came up first, so teardown stops Temporal before Postgres.
  if (pg.status === 'fulfilled') {
    teardown.add('Postgres', () => pg.value.stop(), () => pg.value.kill());
    if (pg.value.pid) lock.record({ name: 'Postgres', pid: pg.value.pid, marker: join(dataDir, 'postgres'), signal: 'SIGINT' });
  }
  if (server.status === 'fulfilled') teardown.add('Temporal', () => server.value.stop(), () => server.value.kill());
  if (pg.status === 'rejected') throw pg.reason;
  if (server.status === 'rejected') throw server.reason;
  signal.throwIfAborted();
  await migrateLatest(pg.value.url);
  const workflowBundle = await bundle;
  signal.throwIfAborted();
  log(`bench stack ready: Postgres 127.0.0.1:${pgPort}, Temporal ${server.value.address} (${join(dataDir, 'temporal.db')}, WAL)`);
  return {
    databaseUrl: pg.value.url,
    temporalAddress: server.value.address,
    namespace: server.value.namespace,
    temporalPid: server.value.pid,
    postgresPid: pg.value.pid,
    workflowBundle,
    temporalVersion: cliVersion(cliPath),
  };
}

async function bundleWorkflows(root: string, dataDir: string): Promise<string | undefined> {
  const workflowsPath = join(root, 'workflows', 'index.ts');
  if (!existsSync(workflowsPath)) return undefined;
  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  const file = join(dataDir, 'workflow-bundle.js');
  writeFileSync(file, code);
  log(`workflow code bundled in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return file;
}
