/**
 * `npm start`: the whole product on one machine (SPEC §5). Embedded Postgres and a Temporal dev server
 * unless DATABASE_URL / TEMPORAL_ADDRESS point elsewhere, migrations, the built web app, then the
 * worker and the API. Ctrl-C stops the children, then Temporal, then Postgres.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { migrateLatest } from '../db/migrate';
import { isPortInUse } from './stack/free-port';
import { errorMessage, log, redactUrl, warn } from './stack/log';
import { startPostgres } from './stack/postgres';
import { ProcessGroup } from './stack/processes';
import { onShutdownSignal } from './stack/signals';
import { type StackLock, acquireStackLock } from './stack/stack-lock';
import { Teardown } from './stack/teardown';
import { startTemporal } from './stack/temporal';
import { temporalCliPath } from './stack/temporal-cli-path';
import { waitForHttp } from './stack/wait-http';
import { ensureWebBuild } from './stack/web-build';
import { sandboxPorts, sandboxUrls } from '../sandbox/ports';
import { SANDBOX_PLATFORM_PHONE_NUMBER_ID } from '../sandbox/platform-number';

const root = resolve(__dirname, '..');
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;

interface Settings {
  dataDir: string;
  databaseUrl: string | undefined;
  postgresPort: number;
  temporalAddress: string | undefined;
  namespace: string;
  apiPort: number;
}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  return {
    dataDir: resolve(root, env.AEROSTIC_DATA_DIR || '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    postgresPort: Number(env.EMBEDDED_PG_PORT || 5433),
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    namespace: env.TEMPORAL_NAMESPACE || 'default',
    apiPort: Number(env.PORT || 3000),
  };
}

/** Fixed ports fail late and cryptically inside Postgres or Temporal; say which one and what to set. */
async function checkPorts(settings: Settings): Promise<void> {
  const wanted: [number, string][] = [
    [settings.apiPort, 'PORT'],
    [sandboxPorts().razorpay, 'SANDBOX_RAZORPAY_PORT'],
    [sandboxPorts().meta, 'SANDBOX_META_PORT'],
    [sandboxPorts().gemini, 'SANDBOX_GEMINI_PORT'],
  ];
  if (!settings.databaseUrl) wanted.push([settings.postgresPort, 'EMBEDDED_PG_PORT or DATABASE_URL']);
  if (!settings.temporalAddress) wanted.push([TEMPORAL_PORT, 'TEMPORAL_ADDRESS'], [TEMPORAL_UI_PORT, 'TEMPORAL_ADDRESS']);
  for (const [port, setting] of wanted) {
    if (await isPortInUse(port)) throw new Error(`port ${port} is already in use (another stack running?); stop it or set ${setting}`);
  }
}

interface Infrastructure {
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | undefined;
}

async function startInfrastructure(settings: Settings, teardown: Teardown, lock: StackLock, signal: AbortSignal): Promise<Infrastructure> {
  const cliPath = settings.temporalAddress ? undefined : temporalCliPath(process.env);
  const temporalDb = join(settings.dataDir, 'temporal.db');
  const [pg, server] = await Promise.allSettled([
    settings.databaseUrl ? undefined : startPostgres({ databaseDir: join(settings.dataDir, 'postgres'), port: settings.postgresPort }),
    cliPath === undefined
      ? undefined
      : startTemporal({
          cliPath,
          dbFile: temporalDb,
          logFile: join(settings.dataDir, 'temporal.log'),
          port: TEMPORAL_PORT,
          uiPort: TEMPORAL_UI_PORT,
          uiCodecEndpoint: `http://localhost:${settings.apiPort}/codec`,
          namespace: settings.namespace,
          signal,
          // Recorded at once: an orphan would otherwise hold port 7233 after a crash mid-start.
          onSpawn: (pid) => lock.record({ name: 'Temporal', pid, marker: temporalDb }),
        }),
  ]);
  // Registered in this order whichever came up first, so teardown stops Temporal before Postgres.
  if (pg.status === 'fulfilled' && pg.value) {
    const postgres = pg.value;
    teardown.add(
      'Postgres',
      () => postgres.stop(),
      () => postgres.kill(),
    );
    if (postgres.pid) lock.record({ name: 'Postgres', pid: postgres.pid, marker: join(settings.dataDir, 'postgres'), signal: 'SIGINT' });
  }
  if (server.status === 'fulfilled' && server.value) {
    const temporal = server.value;
    teardown.add(
      'Temporal',
      () => temporal.stop(),
      () => temporal.kill(),
    );
  }
  if (pg.status === 'rejected') throw pg.reason;
  if (server.status === 'rejected') throw server.reason;
  return {
    databaseUrl: settings.databaseUrl ?? pg.value!.url,
    temporalAddress: settings.temporalAddress ?? server.value!.address,
    temporalUiUrl: settings.temporalAddress ? undefined : server.value!.uiUrl,
  };
}

function printUrls(settings: Settings, infra: Infrastructure, sandbox: boolean): void {
  const web = `http://localhost:${settings.apiPort}`;
  const rows: [string, string][] = [
    ['Web app + API', web],
    ['API docs', `${web}/docs`],
    ['Temporal UI', infra.temporalUiUrl ?? `(external Temporal at ${infra.temporalAddress})`],
    ['Codec sign-in', `${web}/admin/login  (platform admins: decrypted payloads in Temporal UI)`],
    ['Temporal gRPC', `${infra.temporalAddress} (namespace ${settings.namespace})`],
    ['Postgres', redactUrl(infra.databaseUrl) + (settings.databaseUrl ? '' : `  (password in ${join(settings.dataDir, 'postgres')})`)],
    ...(sandbox
      ? ([
          ['Sandbox outbox', `${web}/sandbox/outbox?to=<phone>`],
          ['Razorpay sim', sandboxUrls().razorpay],
          ['Meta sim', sandboxUrls().meta],
          ['Gemini sim', sandboxUrls().gemini],
        ] as [string, string][])
      : []),
    ['Data dir', settings.dataDir],
  ];
  const lines = rows.map(([label, value]) => `  ${label.padEnd(16)}${value}`);
  process.stdout.write(`\nAerostic is running\n${lines.join('\n')}\n\nPress Ctrl-C to stop.\n\n`);
}

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const abort = new AbortController();
  const teardown = new Teardown();
  const children = new ProcessGroup();
  let lock: StackLock | undefined;
  let running = false;
  let stopping: Promise<never> | undefined;

  const shutdown = (code: number): Promise<never> => {
    stopping ??= (async () => {
      abort.abort();
      await children.stopAll();
      await teardown.run();
      lock?.release();
      log(code === 0 ? 'stopped' : 'stopped after an error');
      process.exit(code);
    })();
    return stopping;
  };
  onShutdownSignal((signal) => {
    log(`${signal} received, stopping${running ? '' : ' after the current step'}…`);
    abort.abort();
    if (running) void shutdown(0);
  });
  children.onUnexpectedExit(({ name, code, signal }) => {
    log(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
    void shutdown(1);
  });

  try {
    const started = Date.now();
    lock = await acquireStackLock(settings.dataDir);
    await checkPorts(settings);
    const webBuild = ensureWebBuild(root, abort.signal);
    const infra = await startInfrastructure(settings, teardown, lock, abort.signal);
    abort.signal.throwIfAborted();
    const applied: unknown = await migrateLatest(infra.databaseUrl, { appUrlGiven: Boolean(process.env.DATABASE_APP_URL) });
    if (Array.isArray(applied) && applied.length > 0) log(`applied ${applied.length} migration(s)`);
    await webBuild;
    abort.signal.throwIfAborted();

    const sandbox = (process.env.AEROSTIC_SANDBOX ?? (process.env.META_APP_ID ? '0' : '1')) === '1';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // SPEC §4: the *_URL overrides win; otherwise sandbox mode points the real clients at the simulators.
      ...(sandbox
        ? {
            RAZORPAY_BASE_URL: process.env.RAZORPAY_BASE_URL ?? sandboxUrls().razorpay,
            META_GRAPH_URL: process.env.META_GRAPH_URL ?? sandboxUrls().meta,
            GEMINI_BASE_URL: process.env.GEMINI_BASE_URL ?? sandboxUrls().gemini,
            META_OAUTH_DIALOG_URL: process.env.META_OAUTH_DIALOG_URL ?? `${sandboxUrls().meta}/${process.env.META_GRAPH_VERSION ?? 'v21.0'}/dialog/oauth`,
            // The platform's own number lives in the Meta simulator for this run (sandbox/platform-number.ts).
            PLATFORM_PHONE_NUMBER_ID: process.env.PLATFORM_PHONE_NUMBER_ID ?? SANDBOX_PLATFORM_PHONE_NUMBER_ID,
            PLATFORM_WA_TOKEN: process.env.PLATFORM_WA_TOKEN ?? `EAAGplatform${randomBytes(16).toString('hex')}`,
          }
        : {}),
      DATABASE_URL: infra.databaseUrl,
      TEMPORAL_ADDRESS: infra.temporalAddress,
      TEMPORAL_NAMESPACE: settings.namespace,
      PORT: String(settings.apiPort),
      AEROSTIC_DATA_DIR: settings.dataDir,
      // SPEC §4: sandbox unless real Meta credentials are given; then the API's config decides.
      AEROSTIC_SANDBOX: process.env.AEROSTIC_SANDBOX ?? (process.env.META_APP_ID ? undefined : '1'),
    };
    for (const name of sandbox ? ['sandbox', 'worker', 'api'] : ['worker', 'api']) {
      const entry = join(root, name, 'main.ts');
      const child = children.spawnTs({ name, entry, cwd: root, env });
      if (child.pid) lock.record({ name, pid: child.pid, marker: entry });
    }
    running = true;
    const answered = await waitForHttp(`http://127.0.0.1:${settings.apiPort}/healthz`, 90_000, abort.signal);
    if (abort.signal.aborted) return;
    if (!answered) warn(`the API did not answer on port ${settings.apiPort} within 90s; it may still be starting`);
    log(`up in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    printUrls(settings, infra, sandbox);
  } catch (error) {
    if (abort.signal.aborted) return void (await shutdown(0));
    process.stderr.write(`[stack] could not start: ${errorMessage(error)}\n`);
    await shutdown(1);
  }
}

void main();
