import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import { terminate } from '../../scripts/stack/proc';

export interface AppProcess {
  name: string;
  pid: number | undefined;
  logFile: string;
  /** Resolves when the process exits, with a line saying how. */
  exited: Promise<string>;
  stop(): Promise<void>;
  kill(): void;
}

/**
 * `node --import tsx <name>/main.ts`, one process each as `npm start` runs them, output to a log file
 * (a request log on the console would flood it and cost the terminal, not the app). Own process group:
 * a terminal Ctrl-C reaches only the bench, which then stops them in order.
 */
export function spawnAppProcess(root: string, name: 'api' | 'worker', env: NodeJS.ProcessEnv, logFile: string, profileDir?: string): AppProcess {
  const fd = openSync(logFile, 'a');
  // One file per thread (tsx's loader runs in its own); the main thread's is the big one.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(root, name, 'main.ts')], { cwd: root, env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`${name} could not be started: ${error.message}`));
    child.once('exit', (code, signal) => resolve(`${name} exited (${signal ?? `code ${code}`})`));
  });
  let stopping: Promise<void> | undefined;
  return {
    name,
    pid: child.pid,
    logFile,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
        await terminate(child.pid, { signal: 'SIGTERM', graceMs: 15_000 });
        await exited;
      })();
      return stopping;
    },
    kill() {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
    },
  };
}

export function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Until `url` answers 200, the process exits, or the time is up. */
export async function waitForHealthy(url: string, proc: AppProcess, timeoutMs: number, signal: AbortSignal): Promise<void> {
  let exited: string | undefined;
  void proc.exited.then((how) => (exited = how));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    if (exited) throw new Error(`${exited} before it answered:\n${logTail(proc.logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs / 1000}s:\n${logTail(proc.logFile)}`);
}

/** Until a worker polls `taskQueue` for workflow tasks (the worker process is really serving it). */
export async function waitForPoller(client: Client, taskQueue: string, proc: AppProcess, timeoutMs: number, signal: AbortSignal): Promise<void> {
  let exited: string | undefined;
  void proc.exited.then((how) => (exited = how));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    if (exited) throw new Error(`${exited} before it polled:\n${logTail(proc.logFile)}`);
    const res = await client.workflowService.describeTaskQueue({ namespace: client.options.namespace, taskQueue: { name: taskQueue }, taskQueueType: 1 /* WORKFLOW */ });
    if ((res.pollers?.length ?? 0) > 0) return;
    await sleep(250);
  }
  throw new Error(`the worker did not poll ${taskQueue} within ${timeoutMs / 1000}s:\n${logTail(proc.logFile)}`);
}
