/**
 * Inbox latency (DESIGN §7) on the real product:
 *
 *   1. inbound → AI reply handed to Meta: a customer's signed webhook POST starting (the Meta simulator
 *      posts it) until the simulator's Graph API receives the AI agent's reply to that customer, the
 *      Gemini simulator answering at once (a confident knowledge-base answer); target p50 < 150 ms,
 *      p99 < 500 ms;
 *   2. inbound → socket.io event: the same start until the tenant admin's socket.io client receives
 *      `message.new` for the inbound message; target p99 < 250 ms. DESIGN says "in a browser": a
 *      socket.io client in node over loopback takes the same wire path (websocket, JWT handshake, room).
 *
 * Every customer is new, so every message starts its own conversation actor. After a warm-up the paced
 * phase sends --customers at --rate per second (open loop), then the burst phase sends --burst at once.
 * Then the paced phase's workflow histories show where the time goes, segment by segment.
 *
 * Isolated stack in .data/bench-inbox (embedded Postgres, Temporal dev server on WAL SQLite, free
 * loopback ports); the API and the worker run as separate processes as `npm start` runs them; the Meta
 * and Gemini simulators and the socket client run in this process. Prints figures, never a verdict.
 *
 * `--temporal-config K=V,…` runs the Temporal dev server with dynamic config (none by default, as
 * `npm start`), to see what a server setting changes.
 *
 *   node --import tsx bench/inbox.ts [--customers 200] [--rate 4] [--burst 50] … (--help)
 */
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { logTail } from './lib/app-process';
import { runBench, say } from './lib/bench-main';
import { startInboxApp, type InboxApp } from './lib/inbox-app';
import { INBOX_HELP, parseInboxOptions } from './lib/inbox-options';
import { burstPhase, pacedPhase, warmUp, type PhaseContext } from './lib/inbox-phases';
import { InboxProbe } from './lib/inbox-probe';
import { formatPhase, formatTimeline, jsonFigures, phaseFigures, type PhaseFigures } from './lib/inbox-report';
import { EXPECTED_REPLY, openInboxSocket, setUpTenant } from './lib/inbox-tenant';
import { timeline } from './lib/inbox-timeline';
import { conversationWorkflowId } from './lib/raw-signal';
import { startBenchStack } from './lib/stack';

const root = resolve(__dirname, '..');
const dataDir = join(root, '.data', 'bench-inbox');
const loadText = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function diagnosis(app: InboxApp, phoneNumberId: string): string {
  const generate = app.gemini.requests().filter((r) => r.operation === 'generateContent');
  return [
    `Gemini simulator: ${generate.length} generate calls; Meta simulator: ${app.meta.sent({ phoneNumberId }).length} sends`,
    `worker log (${app.worker.logFile}):\n${logTail(app.worker.logFile)}`,
  ].join('\n');
}

runBench({
  dataDir,
  parse: parseInboxOptions,
  help: INBOX_HELP,
  watchdogMs: 30 * 60_000,
  async run({ options, signal, teardown, lock, started, onChildExit }) {
    const loadAtStart = loadavg();
    say(`options: ${JSON.stringify(options)}`);
    say(`machine: ${cpus().length} cores, node ${process.version}, load average ${loadText()}, ${Math.round(freemem() / 2 ** 20)} MiB free`);
    const stack = await startBenchStack(root, dataDir, teardown, lock, signal, { bundle: true, dynamicConfig: options.temporalConfig });
    const profileDir = options.cpuProf ? join(dataDir, 'profiles') : undefined;
    const app = await startInboxApp({
      root,
      dataDir,
      stack,
      teardown,
      lock,
      signal,
      logLevel: options.logLevel,
      profileDir,
      onExit: (reason) => onChildExit(() => `${reason()} during the bench`),
    });

    const tenant = await setUpTenant(app);
    say(`tenant ${tenant.tenantId} registered; number ${tenant.phoneNumberId} connected; AI agent on with one knowledge document`);
    const socket = await openInboxSocket(app.apiUrl, tenant.accessToken);
    teardown.add('socket.io client', async () => socket.close());
    say('socket.io client connected as the tenant admin (realtime.ready)');
    const probe = new InboxProbe(app.meta, tenant.phoneNumberId, socket, app.db, tenant.tenantId);
    teardown.add('probe', async () => probe.stop());
    say(`stack and app ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const ctx: PhaseContext = {
      options,
      probe,
      meta: app.meta,
      signal,
      components: { temporal: stack.temporalPid, postgres: stack.postgresPid, api: app.api.pid, worker: app.worker.pid },
      diagnose: () => diagnosis(app, tenant.phoneNumberId),
    };
    await warmUp(ctx);
    const paced = await pacedPhase(ctx);
    const phases: PhaseFigures[] = [phaseFigures(`paced: ${options.customers} customers at ${options.rate}/s`, paced.results, EXPECTED_REPLY, paced.seconds, paced.cpu)];
    process.stdout.write(`${formatPhase(phases[0])}\n`);
    if (options.burst > 0) {
      const burst = await burstPhase(ctx);
      phases.push(phaseFigures(`burst: ${options.burst} customers at once`, burst.results, EXPECTED_REPLY, burst.seconds, burst.cpu));
      process.stdout.write(`${formatPhase(phases[1])}\n`);
    }

    say("reading the paced phase's workflow histories…");
    const workflowIdOf = (waId: string) => conversationWorkflowId(app.config, tenant.tenantId, tenant.phoneNumberId, `+${waId}`);
    const line = await timeline(app.temporal, workflowIdOf, paced.results);
    process.stdout.write(`${formatTimeline(line.rows, line.customers, phases[0].reply, line.socketAfterPublish)}\n`);

    const machine = {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
      node: process.version,
      platform: `${process.platform} ${release()}`,
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      temporalCli: stack.temporalVersion,
      temporalConfig: options.temporalConfig,
      loadAverageAtStart: loadAtStart.map((l) => Math.round(l * 100) / 100),
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
    };
    process.stdout.write(
      `\nmachine: ${machine.cores} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, node ${machine.node}, ${machine.temporalCli}; ` +
        `Temporal dynamic config ${JSON.stringify(options.temporalConfig)}; load average (1, 5, 15 min) at start ${machine.loadAverageAtStart.join(' ')}, at end ${machine.loadAverageAtEnd.join(' ')}\n`,
    );
    return () => {
      if (profileDir) say(`CPU profiles in ${profileDir} (node --import tsx bench/lib/cpu-profile.ts ${profileDir}/*/*.cpuprofile)`);
      process.stdout.write(`${jsonFigures(phases, machine, line.rows)}\n`);
    };
  },
});
