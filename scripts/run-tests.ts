/**
 * `npm test`: an isolated stack in .data/test (its own Postgres and headless Temporal on free ports, so
 * it runs beside `npm start`), migrations, the web build and the workflow bundle, then jest. The last
 * line printed is always `tests: N passed, N failed[, N skipped]`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { typeCheck } from './stack/type-check';
import { migrateLatest } from '../db/migrate';
import { freePort } from './stack/free-port';
import { type TestCounts, formatCounts, summarizeJestResults } from './stack/jest-summary';
import { errorMessage, log, warn } from './stack/log';
import { startPostgres } from './stack/postgres';
import { onShutdownSignal } from './stack/signals';
import { type StackLock, acquireStackLock } from './stack/stack-lock';
import { Teardown } from './stack/teardown';
import { startTemporal } from './stack/temporal';
import { temporalCliPath } from './stack/temporal-cli-path';
import { ensureWebBuild } from './stack/web-build';

const root = resolve(__dirname, '..');
const dataDir = join(root, '.data', 'test');
const resultsFile = join(dataDir, 'jest-results.json');

interface TestStack {
  env: NodeJS.ProcessEnv;
  /** Preparation that failed without stopping the run (web build, workflow bundle); each counts as a failure. */
  problems: string[];
}

/** Everything from the previous run goes, except the lock that just proved no other run is using it. */
function wipeDataDir(): void {
  for (const entry of readdirSync(dataDir)) {
    if (entry !== 'stack.lock') rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
}

async function bundleWorkflows(): Promise<string | undefined> {
  const workflowsPath = join(root, 'workflows', 'index.ts');
  if (!existsSync(workflowsPath)) {
    warn('workflows/index.ts does not exist yet; tests will bundle workflow code themselves');
    return undefined;
  }
  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  const file = join(dataDir, 'workflow-bundle.js');
  writeFileSync(file, code);
  log(`workflow code bundled in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return file;
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
  const workflowBundle = bundleWorkflows().catch((error: unknown) => {
    problems.push(`bundling workflows/index.ts failed: ${errorMessage(error)}`);
    return undefined;
  });
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
      // Actors continue as new after ~100 events instead of ~4,096, so every suite exercises it.
      dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': '100' },
      onSpawn: (pid) => lock.record({ name: 'Temporal', pid, marker: join(dataDir, 'temporal.db') }),
    }),
  ]);
  // Registered in this order whichever came up first, so teardown stops Temporal before Postgres.
  if (pg.status === 'fulfilled') {
    teardown.add('Postgres', () => pg.value.stop(), () => pg.value.kill());
    if (pg.value.pid) lock.record({ name: 'Postgres', pid: pg.value.pid, marker: join(dataDir, 'postgres'), signal: 'SIGINT' });
  }
  if (server.status === 'fulfilled') {
    teardown.add('Temporal', () => server.value.stop(), () => server.value.kill());
  }
  if (pg.status === 'rejected') throw pg.reason;
  if (server.status === 'rejected') throw server.reason;
  signal.throwIfAborted();
  await migrateLatest(pg.value.url);
  const [bundleFile] = await Promise.all([workflowBundle, webBuild, types]);
  signal.throwIfAborted();
  log(`test stack ready: Postgres 127.0.0.1:${pgPort}, Temporal ${server.value.address}`);
  return {
    problems,
    env: {
      ...process.env,
      DATABASE_URL: pg.value.url,
      TEMPORAL_ADDRESS: server.value.address,
      TEMPORAL_NAMESPACE: server.value.namespace,
      TEMPORAL_CLI_PATH: cliPath,
      AEROSTIC_DATA_DIR: dataDir,
      AEROSTIC_TEST: '1',
      ...(bundleFile ? { AEROSTIC_WORKFLOW_BUNDLE: bundleFile } : {}),
    },
  };
}

function runJest(env: NodeJS.ProcessEnv, args: string[], onSpawn: (stop: () => void) => void): Promise<number> {
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const child = spawn(process.execPath, [jest, '--ci', '--json', `--outputFile=${resultsFile}`, ...args], { cwd: root, env, stdio: 'inherit' });
  onSpawn(() => child.kill('SIGTERM'));
  return new Promise((done) => {
    child.once('error', (error) => {
      warn(`could not run jest: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
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
    wipeDataDir();
    stack = await startTestStack(teardown, lock, abort.signal);
  } catch (error) {
    process.stderr.write(`[stack] the test stack did not come up: ${abort.signal.aborted ? 'interrupted' : errorMessage(error)}\n`);
    await teardown.run();
    lock?.release();
    return finish({ passed: 0, failed: 1, skipped: 0 }, 1);
  }

  const jestCode = await runJest(stack.env, process.argv.slice(2), (stop) => (stopJest = stop));
  await teardown.run();
  lock.release();

  const counts = summarizeJestResults(resultsFile) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const problem of stack.problems) warn(problem);
  counts.failed += stack.problems.length;
  if (jestCode !== 0 && counts.failed === 0) {
    // Jest failed without a failing test (no tests matched, a config error, interrupted): still a failure.
    warn(`jest exited with code ${jestCode}`);
    counts.failed = 1;
  }
  finish(counts, jestCode === 0 && counts.failed === 0 ? 0 : 1);
}

void main();
