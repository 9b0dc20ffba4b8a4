/**
 * Webhook ingest vs the raw signalWithStart rate of the same Temporal server (DESIGN §7):
 *
 *   phase 1  `client.workflow.signalWithStart` straight at Temporal: the API's exact request (workflow
 *            type, task queue, search attributes, encrypted payloads of a real inbound message), one new
 *            conversation per call, closed loop at --concurrency;
 *   phase 2  signed, real-format Meta webhooks (one message each, a new customer each) POSTed over HTTP
 *            to /webhooks/meta of the real API process, same concurrency: rate and ack latency;
 *            phases 1 and 2 alternate in --rounds slices, so background load falls on both alike;
 *   phase 3  the same webhooks, paced open-loop at half the phase-2 rate: ack latency; first, as a
 *            reference ("3r"), phase 1's raw signalWithStart paced at that same rate: Temporal's own
 *            latency at that load, the floor under the webhook's.
 *
 * Everything runs on an isolated stack in .data/bench (embedded Postgres and a Temporal dev server on a
 * WAL SQLite file, free loopback ports), the API and the worker as separate processes as `npm start`
 * runs them. Each mode runs all the phases: worker on first (the worker records messages while the load
 * runs; it falls behind and stays busy throughout), then worker off (nothing polls the queue: the
 * hand-off alone, which is what the DESIGN target is about). It prints figures, never a verdict.
 *
 *   node --import tsx bench/webhook-ingest.ts [--concurrency 32] [--seconds 12] [--worker both] … (--help)
 */
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from '../db/connection';
import { serverVersion } from '../db/system/health';
import { taskQueue } from '../domain/contracts';
import { registerTenant } from '../test/support/factories';
import type { TestApp } from '../test/support/harness';
import { connectTestNumber } from '../test/support/whatsapp-factories';
import { type AppProcess, logTail, waitForHealthy, waitForPoller } from './lib/app-process';
import { runBench, say } from './lib/bench-main';
import { inboundBuilder, webhookPoster } from './lib/inbound';
import { HELP, parseOptions } from './lib/options';
import { QUEUE_PREFIX, startProduct } from './lib/product';
import { rawSignaller } from './lib/raw-signal';
import { formatMode, formatSummary, jsonFigures, type MachineFacts, type ModeFigures } from './lib/report';
import { startBenchStack, type BenchStack } from './lib/stack';
import { runMode, type Context } from './lib/run-mode';

const root = resolve(__dirname, '..');
const dataDir = join(root, '.data', 'bench');
/** Workers the bench is stopping itself (their exit is not a failure). */
const stoppingWorker = new Set<AppProcess>();

async function machineFacts(stack: BenchStack, db: Database): Promise<MachineFacts> {
  const cpuList = cpus();
  let postgres = 'unknown';
  try {
    postgres = await serverVersion(db.system);
  } catch {
    // Reported as unknown.
  }
  return {
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${release()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    temporalCli: stack.temporalVersion,
    postgres,
    loadAverageAtStart: loadavg(),
  };
}

runBench({
  dataDir,
  parse: parseOptions,
  help: HELP,
  watchdogMs: 30 * 60_000,
  async run({ options, signal, teardown, lock, started, onChildExit }) {
    say(`options: ${JSON.stringify(options)}`);
    say(
      `machine: ${cpus().length} cores, node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, ${Math.round(freemem() / 2 ** 20)} MiB free`,
    );
    const stack = await startBenchStack(root, dataDir, teardown, lock, signal, { bundle: options.modes.includes('on') });

    const profileDir = options.cpuProf ? join(dataDir, 'profiles') : undefined;
    const product = await startProduct({ root, dataDir, stack, teardown, lock, logLevel: options.logLevel, profileDir });
    const { config, db, meta, apiUrl } = product;
    const api = product.spawn('api', (how, proc) => onChildExit(() => `${how} during the bench:\n${logTail(proc.logFile)}`));
    await waitForHealthy(`${apiUrl}/healthz`, api, 120_000, signal);
    say(`API up at ${apiUrl} (log: ${api.logFile})`);

    const tenant = await registerTenant(apiUrl);
    const tenantId = tenant.tenant.id;
    // connectTestNumber needs only these three of a TestApp.
    const account = await connectTestNumber({ meta, config, db } as TestApp, tenantId);
    say(`tenant ${tenantId} registered; number ${account.phoneNumberId} connected`);

    const raw = await rawSignaller(config, tenantId, account.phoneNumberId);
    teardown.add('bench Temporal client', () => raw.close());
    const poster = webhookPoster(apiUrl, Math.max(options.concurrency, options.maxInFlight), options.requestTimeoutMs);
    teardown.add('bench HTTP client', async () => poster.close());
    const machine = await machineFacts(stack, db);
    say(`stack and app ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const ctx: Context = {
      options,
      signal,
      config,
      db,
      stack,
      apiUrl,
      api,
      tenantId,
      account,
      raw,
      build: inboundBuilder(account, config.meta.appSecret),
      poster,
      acknowledged: 0,
    };
    const results: ModeFigures[] = [];
    for (const mode of options.modes) {
      let worker: AppProcess | undefined;
      if (mode === 'on') {
        const startedWorker = Date.now();
        worker = product.spawn('worker', (how, proc) => {
          if (!stoppingWorker.has(proc)) onChildExit(() => `${how} during the bench:\n${logTail(proc.logFile)}`);
        });
        await waitForPoller(raw.client, taskQueue('conversations', QUEUE_PREFIX), worker, 180_000, signal);
        say(`worker polling after ${((Date.now() - startedWorker) / 1000).toFixed(1)} s (log: ${worker.logFile})`);
      }
      results.push(await runMode(ctx, mode, worker));
      if (worker) {
        stoppingWorker.add(worker);
        await worker.stop();
        say('worker stopped');
      }
    }
    machine.loadAverageAtEnd = loadavg();

    for (const m of results) process.stdout.write(`${formatMode(m, options.concurrency)}\n`);
    process.stdout.write(`${formatSummary(results, machine)}\n`);
    return () => {
      if (profileDir) say(`CPU profiles in ${profileDir} (node --import tsx bench/lib/cpu-profile.ts ${profileDir}/*/*.cpuprofile)`);
      process.stdout.write(`${jsonFigures(results, machine, options)}\n`);
    };
  },
});
