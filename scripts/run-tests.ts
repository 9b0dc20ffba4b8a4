/**
 * `npm test`: an isolated stack in .data/test (its own Postgres and headless Temporal on free ports, so
 * it runs beside `npm start`), migrations, the web build and the workflow bundle, then jest. The last
 * line printed is always `tests: N passed, N failed[, N skipped]`.
 */
import { join, resolve } from 'node:path';
import { abbreviated, lintChecks } from './stack/lint';
import { typeCheck } from './stack/type-check';
import { bundleWorkflows, startIsolatedStack, wipeDataDir } from './stack/isolated-stack';
import { type TestCounts, formatCounts, tallyJestRun } from './stack/jest-summary';
import { errorMessage, log } from './stack/log';
import { runJest } from './stack/run-jest';
import { onShutdownSignal } from './stack/signals';
import { type StackLock, acquireStackLock } from './stack/stack-lock';
import { Teardown } from './stack/teardown';
import { ensureWebBuild } from './stack/web-build';

const root = resolve(__dirname, '..');
const dataDir = join(root, '.data', 'test');
const resultsFile = join(dataDir, 'jest-results.json');

interface TestStack {
  env: NodeJS.ProcessEnv;
  /** Preparation that failed without stopping the run (web build, workflow bundle); each counts as a failure. */
  problems: string[];
}

async function startTestStack(teardown: Teardown, lock: StackLock, signal: AbortSignal): Promise<TestStack> {
  const problems: string[] = [];
  const webBuild = ensureWebBuild(root, signal).then((result) => {
    if (result === 'failed') problems.push('the web build failed');
  });
  const types = typeCheck(root).then(({ ok, output }) => {
    if (ok) return log('type check passed');
    process.stdout.write(output);
    problems.push('the type check (tsc --noEmit) failed');
  });
  const lint = lintChecks(root).map((check) =>
    check.then(({ name, ok, output }) => {
      if (ok) return log(`${name} passed`);
      process.stdout.write(abbreviated(output));
      problems.push(`${name} failed`);
    }),
  );
  const workflowBundle = bundleWorkflows(root, dataDir).catch((error: unknown) => {
    problems.push(`bundling workflows/index.ts failed: ${errorMessage(error)}`);
    return undefined;
  });
  const stack = await startIsolatedStack({
    dataDir,
    teardown,
    lock,
    signal,
    // Actors continue as new after ~100 events instead of ~4,096, so every suite exercises it.
    dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': '100' },
  });
  const [bundleFile] = await Promise.all([workflowBundle, webBuild, types, ...lint]);
  signal.throwIfAborted();
  log(`test stack ready: Postgres 127.0.0.1:${stack.postgresPort}, Temporal ${stack.temporal.address}`);
  return {
    problems,
    env: {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporal.address,
      TEMPORAL_NAMESPACE: stack.temporal.namespace,
      TEMPORAL_CLI_PATH: stack.cliPath,
      AEROSTIC_DATA_DIR: dataDir,
      AEROSTIC_TEST: '1',
      ...(bundleFile ? { AEROSTIC_WORKFLOW_BUNDLE: bundleFile } : {}),
    },
  };
}

function finish(counts: TestCounts, code: number): never {
  process.stdout.write(`${formatCounts(counts)}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const abort = new AbortController();
  const teardown = new Teardown();
  let lock: StackLock | undefined;
  let stopJest: (() => void) | undefined;
  onShutdownSignal((signal) => {
    log(`${signal} received, stopping the tests…`);
    abort.abort();
    stopJest?.();
  });

  let stack: TestStack;
  try {
    lock = await acquireStackLock(dataDir);
    wipeDataDir(dataDir);
    stack = await startTestStack(teardown, lock, abort.signal);
  } catch (error) {
    process.stderr.write(`[stack] the test stack did not come up: ${abort.signal.aborted ? 'interrupted' : errorMessage(error)}\n`);
    await teardown.run();
    lock?.release();
    return finish({ passed: 0, failed: 1, skipped: 0 }, 1);
  }

  const jestCode = await runJest(root, resultsFile, stack.env, process.argv.slice(2), (stop) => (stopJest = stop));
  await teardown.run();
  lock.release();

  const counts = tallyJestRun(resultsFile, jestCode, stack.problems);
  finish(counts, jestCode === 0 && counts.failed === 0 ? 0 : 1);
}

void main();
