import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { failureConverterPath } from '../../infra/codec/encryption-codec';
import { migrateLatest } from '../../db/migrate';
import { freePort } from './free-port';
import { log } from './log';
import { startPostgres } from './postgres';
import type { StackLock } from './stack-lock';
import type { Teardown } from './teardown';
import { type RunningTemporal, startTemporal } from './temporal';
import { temporalCliPath } from './temporal-cli-path';

export interface IsolatedStack {
  databaseUrl: string;
  postgresPort: number;
  postgresPid: number | undefined;
  temporal: RunningTemporal;
  cliPath: string;
}

/** Everything from the previous run goes, except the lock that just proved no other run is using it. */
export function wipeDataDir(dataDir: string): void {
  for (const entry of readdirSync(dataDir)) {
    if (entry !== 'stack.lock') rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
}

/**
 * The throwaway stack of `npm test` and the benchmarks, in `dataDir`: embedded Postgres (fsync off) and
 * a headless Temporal dev server (file-backed SQLite, WAL) on free loopback ports, migrations applied.
 * Each is registered with `teardown` as soon as it is up, Temporal before Postgres whichever came first.
 */
export async function startIsolatedStack(options: {
  dataDir: string;
  teardown: Teardown;
  lock: StackLock;
  signal: AbortSignal;
  dynamicConfig?: Record<string, string>;
}): Promise<IsolatedStack> {
  const { dataDir, teardown, lock, signal } = options;
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
      dynamicConfig: options.dynamicConfig,
      onSpawn: (pid) => lock.record({ name: 'Temporal', pid, marker: join(dataDir, 'temporal.db') }),
    }),
  ]);
  if (pg.status === 'fulfilled') {
    teardown.add(
      'Postgres',
      () => pg.value.stop(),
      () => pg.value.kill(),
    );
    if (pg.value.pid) lock.record({ name: 'Postgres', pid: pg.value.pid, marker: join(dataDir, 'postgres'), signal: 'SIGINT' });
  }
  if (server.status === 'fulfilled')
    teardown.add(
      'Temporal',
      () => server.value.stop(),
      () => server.value.kill(),
    );
  if (pg.status === 'rejected') throw pg.reason;
  if (server.status === 'rejected') throw server.reason;
  signal.throwIfAborted();
  await migrateLatest(pg.value.url);
  return { databaseUrl: pg.value.url, postgresPort: pgPort, postgresPid: pg.value.pid, temporal: server.value, cliPath };
}

/** Bundles the workflow code once into `dataDir`, so workers skip webpack at start-up. */
export async function bundleWorkflows(root: string, dataDir: string): Promise<string | undefined> {
  const workflowsPath = join(root, 'workflows', 'index.ts');
  if (!existsSync(workflowsPath)) return undefined;
  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath, failureConverterPath, logger: new DefaultLogger('WARN') });
  const file = join(dataDir, 'workflow-bundle.js');
  writeFileSync(file, code);
  log(`workflow code bundled in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return file;
}
