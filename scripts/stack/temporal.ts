import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { errorMessage } from './log';
import { terminate } from './proc';

export const SEARCH_ATTRIBUTES = ['AerosticTenantId', 'AerosticKind'] as const;
/** temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD (the proto package is not a direct dependency). */
const KEYWORD = 2;

export interface TemporalOptions {
  cliPath: string;
  dbFile: string;
  logFile: string;
  port: number;
  /** Undefined runs headless (no Web UI). */
  uiPort?: number;
  /** Where the Web UI's codec server is (the API's `/codec`), so it can show decrypted payloads. */
  uiCodecEndpoint?: string;
  namespace?: string;
  readyTimeoutMs?: number;
  signal?: AbortSignal;
  /** Extra `--dynamic-config-value` settings, e.g. a low continue-as-new threshold for tests. */
  dynamicConfig?: Record<string, string>;
  /** Called with the server's pid as soon as it is spawned, before it is ready. */
  onSpawn?: (pid: number) => void;
}

export interface RunningTemporal {
  address: string;
  namespace: string;
  uiUrl: string | undefined;
  pid: number | undefined;
  stop(): Promise<void>;
  kill(): void;
}

/**
 * The dev server has one history shard that loads new tasks at most 20 times a second by default, so
 * every hand-off after the first few waits 25–40 ms (bench:inbox measured a 645 ms AI reply p50 from
 * that alone). A real cluster spreads this over many shards; the embedded server gets the limit lifted,
 * and activities started by a workflow task go straight back to the worker that completed it.
 */
const LATENCY_TUNING: Record<string, string> = {
  'history.transferProcessorMaxPollRPS': '10000',
  'system.enableActivityEagerExecution': 'true',
};

function devServerArgs(options: TemporalOptions, namespace: string): string[] {
  return [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    ...(options.uiPort !== undefined && options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    '--db-filename',
    options.dbFile,
    ...(namespace === 'default' ? [] : ['--namespace', namespace]),
    '--sqlite-pragma',
    'journal_mode=WAL',
    '--sqlite-pragma',
    'synchronous=OFF',
    ...SEARCH_ATTRIBUTES.flatMap((name) => ['--search-attribute', `${name}=Keyword`]),
    // The server otherwise phones home for version checks, which only times out on offline machines.
    '--dynamic-config-value',
    'frontend.enableServerVersionCheck=false',
    ...Object.entries({ ...LATENCY_TUNING, ...options.dynamicConfig }).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${value}`]),
    '--log-level',
    'warn',
  ];
}

function logTail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The frontend answers before the namespace is registered, so readiness means "namespace described". */
async function connectWhenReady(address: string, namespace: string, child: ChildProcess, options: TemporalOptions): Promise<Connection> {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let lastError = 'not reachable yet';
  while (Date.now() < deadline) {
    options.signal?.throwIfAborted();
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Temporal dev server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${logTail(options.logFile)}`);
    }
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2000 });
      await connection.workflowService.getSystemInfo({});
      await connection.workflowService.describeNamespace({ namespace });
      return connection;
    } catch (error) {
      lastError = errorMessage(error);
      await connection?.close().catch(() => undefined);
      await sleep(250);
    }
  }
  throw new Error(`Temporal dev server at ${address} was not ready within ${Math.round((options.readyTimeoutMs ?? 60_000) / 1000)}s (${lastError}):\n${logTail(options.logFile)}`);
}

/** `--search-attribute` only registers on a fresh db file; an existing one may predate an attribute. */
async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = SEARCH_ATTRIBUTES.filter((name) => !customAttributes?.[name]);
  if (missing.length === 0) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
    });
  } catch (error) {
    if (!/already exists/i.test(errorMessage(error))) throw error;
  }
}

export async function startTemporal(options: TemporalOptions): Promise<RunningTemporal> {
  const namespace = options.namespace ?? 'default';
  const address = `127.0.0.1:${options.port}`;
  mkdirSync(dirname(resolve(options.dbFile)), { recursive: true });
  mkdirSync(dirname(resolve(options.logFile)), { recursive: true });
  const logFd = openSync(options.logFile, 'a');
  // Own process group: a terminal Ctrl-C must not stop Temporal before the worker has drained.
  const child = spawn(options.cliPath, devServerArgs(options, namespace), { stdio: ['ignore', logFd, logFd], detached: true });
  closeSync(logFd);
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', (error) => reject(new Error(`could not run ${options.cliPath}: ${error.message}`))));
  spawnFailed.catch(() => undefined);

  let stopping: Promise<void> | undefined;
  const running: RunningTemporal = {
    address,
    namespace,
    uiUrl: options.uiPort === undefined ? undefined : `http://localhost:${options.uiPort}`,
    pid: child.pid,
    stop() {
      stopping ??= (async () => {
        if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
        await terminate(child.pid, { signal: 'SIGTERM', graceMs: 5000 });
        await exited;
      })();
      return stopping;
    },
    kill() {
      if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
    },
  };
  try {
    const connection = await Promise.race([connectWhenReady(address, namespace, child, options), spawnFailed]);
    try {
      await ensureSearchAttributes(connection, namespace);
    } finally {
      await connection.close();
    }
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}
