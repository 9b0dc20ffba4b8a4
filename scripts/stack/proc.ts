import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's argv joined by spaces, or undefined where /proc is unavailable (macOS). */
export function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/** PIDs get reused after a crash, so a recorded pid only counts if its command line still matches. */
export function isOurProcess(pid: number, marker: string): boolean {
  if (!isAlive(pid)) return false;
  const cmd = commandLine(pid);
  return cmd === undefined ? false : cmd.includes(marker);
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

function signal(pid: number, sig: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch {
    // Already gone (or the group is): nothing left to signal.
  }
}

/** Polite signal first, then SIGKILL to the whole process group so no grandchild survives. */
export async function terminate(pid: number, options: { signal?: NodeJS.Signals; graceMs?: number; group?: boolean } = {}): Promise<void> {
  const group = options.group ?? true;
  signal(pid, options.signal ?? 'SIGTERM', false);
  if (await waitForExit(pid, options.graceMs ?? 5000)) {
    if (group) signal(pid, 'SIGKILL', true);
    return;
  }
  signal(pid, 'SIGKILL', group);
  signal(pid, 'SIGKILL', false);
  await waitForExit(pid, 2000);
}
