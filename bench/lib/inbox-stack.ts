/**
 * bench/lib/stack.ts's isolated stack, plus Temporal dynamic config (`--temporal-config`), so the bench
 * can compare the dev server's defaults with a tuned server on the same run of the product.
 */
import { execFileSync } from 'node:child_process';
import { log } from '../../scripts/stack/log';
import type { StackLock } from '../../scripts/stack/stack-lock';
import type { Teardown } from '../../scripts/stack/teardown';
import { bundleWorkflows, startIsolatedStack } from '../../scripts/stack/isolated-stack';
import type { BenchStack } from './stack';

function cliVersion(cliPath: string): string {
  try {
    return execFileSync(cliPath, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim().split('\n')[0];
  } catch {
    return 'unknown';
  }
}

export async function startInboxStack(root: string, dataDir: string, teardown: Teardown, lock: StackLock, signal: AbortSignal, dynamicConfig: Record<string, string>): Promise<BenchStack> {
  const bundle = bundleWorkflows(root, dataDir);
  bundle.catch(() => undefined);
  const stack = await startIsolatedStack({ dataDir, teardown, lock, signal, dynamicConfig });
  const workflowBundle = await bundle;
  signal.throwIfAborted();
  const tuned = Object.entries(dynamicConfig).map(([k, v]) => `${k}=${v}`).join(', ');
  log(`bench stack ready: Postgres 127.0.0.1:${stack.postgresPort}, Temporal ${stack.temporal.address}${tuned ? ` with ${tuned}` : ' (dev server defaults)'}`);
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
