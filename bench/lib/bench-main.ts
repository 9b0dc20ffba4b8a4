/**
 * The shell of a bench entry point: flags (or help), the stack lock on a wiped data dir, Ctrl-C and a
 * watchdog that abort the run, and the teardown of whatever the run started, however it ends.
 */
import { errorMessage } from '../../scripts/stack/log';
import { onShutdownSignal } from '../../scripts/stack/signals';
import { type StackLock, acquireStackLock } from '../../scripts/stack/stack-lock';
import { Teardown } from '../../scripts/stack/teardown';
import { wipeDataDir } from './stack';

export const say = (message: string) => process.stdout.write(`[bench] ${message}\n`);

export interface BenchRun<O> {
  options: O;
  signal: AbortSignal;
  teardown: Teardown;
  lock: StackLock;
  /** Date.now() before the stack lock was taken. */
  started: number;
  /**
   * A child process exited: the bench fails with `reason()`, unless it is already stopping (then the exit
   * is expected, and the log tail a reason reads would only slow the teardown).
   */
  onChildExit(reason: () => string): void;
}

export interface BenchSpec<O> {
  dataDir: string;
  parse(argv: string[], env: NodeJS.ProcessEnv): O | 'help';
  help: string;
  /** Nothing may run longer than this, whatever the flags and whatever the app does. */
  watchdogMs: number;
  /** The bench itself; what it resolves to runs once the stack is down (the final figures). */
  run(ctx: BenchRun<O>): Promise<(() => void) | void>;
}

/** Runs the bench and exits: 0 done, 2 bad flags, 130 interrupted, 1 failed. */
export function runBench<O>(spec: BenchSpec<O>): void {
  void main(spec).then((code) => process.exit(code));
}

async function main<O>(spec: BenchSpec<O>): Promise<number> {
  let options: O;
  try {
    const parsed = spec.parse(process.argv.slice(2), process.env);
    if (parsed === 'help') {
      process.stdout.write(spec.help);
      return 0;
    }
    options = parsed;
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n`);
    return 2;
  }

  const abort = new AbortController();
  const { signal } = abort;
  const teardown = new Teardown();
  let lock: StackLock | undefined;
  let tearingDown = false;
  onShutdownSignal((name) => {
    say(`${name} received, stopping…`);
    abort.abort(new Error(`interrupted (${name})`));
  });
  const watchdog = setTimeout(() => abort.abort(new Error(`the bench ran longer than ${spec.watchdogMs / 60_000} minutes`)), spec.watchdogMs);
  watchdog.unref();

  try {
    const started = Date.now();
    lock = await acquireStackLock(spec.dataDir);
    wipeDataDir(spec.dataDir);
    const onChildExit = (reason: () => string) => {
      if (!tearingDown && !signal.aborted) abort.abort(new Error(reason()));
    };
    const afterTeardown = await spec.run({ options, signal, teardown, lock, started, onChildExit });
    say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; tearing the stack down`);
    tearingDown = true;
    await teardown.run();
    lock.release();
    afterTeardown?.();
    return 0;
  } catch (error) {
    const reason = signal.aborted ? errorMessage(signal.reason) : errorMessage(error);
    process.stderr.write(`[bench] stopped: ${reason}\n`);
    tearingDown = true;
    await teardown.run();
    lock?.release();
    return signal.aborted && /interrupted/.test(reason) ? 130 : 1;
  } finally {
    clearTimeout(watchdog);
  }
}
