import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { log } from '../../scripts/stack/log';
import type { StackLock } from '../../scripts/stack/stack-lock';
import type { Teardown } from '../../scripts/stack/teardown';
import { bundleWorkflows, startIsolatedStack } from '../../scripts/stack/isolated-stack';

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

function cliVersion(cliPath: string): string {
  try {
    return execFileSync(cliPath, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim().split('\n')[0];
  } catch {
    return 'unknown';
  }
}

function settingsText(dynamicConfig: Record<string, string>): string {
  const tuned = Object.entries(dynamicConfig)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return tuned ? ` with ${tuned}` : ' (dev server defaults)';
}

/**
 * The same isolated stack `npm test` provisions, in `dataDir`: embedded Postgres (fsync off) and a
 * headless Temporal dev server on a file-backed SQLite db with the WAL pragmas `npm start` uses, both on
 * free loopback ports; migrations applied. Each is registered with `teardown` as soon as it is up.
 * `dynamicConfig` (bench/inbox.ts's `--temporal-config`) compares the dev server's defaults with a tuned
 * server on the same run of the product.
 */
export async function startBenchStack(
  root: string,
  dataDir: string,
  teardown: Teardown,
  lock: StackLock,
  signal: AbortSignal,
  opts: { bundle: boolean; dynamicConfig?: Record<string, string> },
): Promise<BenchStack> {
  const { dynamicConfig } = opts;
  const bundle = opts.bundle ? bundleWorkflows(root, dataDir) : Promise.resolve(undefined);
  bundle.catch(() => undefined);
  const stack = await startIsolatedStack({ dataDir, teardown, lock, signal, dynamicConfig });
  const workflowBundle = await bundle;
  signal.throwIfAborted();
  const server = dynamicConfig ? settingsText(dynamicConfig) : ` (${join(dataDir, 'temporal.db')}, WAL)`;
  log(`bench stack ready: Postgres 127.0.0.1:${stack.postgresPort}, Temporal ${stack.temporal.address}${server}`);
  return {
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporal.address,
    namespace: stack.temporal.namespace,
    temporalPid: stack.temporal.pid,
    postgresPid: stack.postgresPid,
    workflowBundle,
    temporalVersion: cliVersion(stack.cliPath),
  };
}

export { wipeDataDir } from '../../scripts/stack/isolated-stack';
