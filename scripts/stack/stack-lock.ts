import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDataDir } from '../../config/secrets';
import { log } from './log';
import { commandLine, isAlive, isOurProcess, terminate } from './proc';

interface Recorded {
  name: string;
  pid: number;
  /** A string the process's command line must contain for the pid to still be ours. */
  marker: string;
  signal?: NodeJS.Signals;
}

interface LockFile {
  pid: number;
  processes: Recorded[];
}

export interface StackLock {
  record(entry: Recorded): void;
  release(): void;
}

function readLock(file: string): LockFile | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockFile;
  } catch {
    return undefined;
  }
}

/**
 * One stack per data dir. The lock also lists the processes the stack started, so a run that was
 * killed with SIGKILL does not leave a Temporal server or Postgres holding ports and files forever:
 * the next run stops them (newest first) before starting its own.
 */
export async function acquireStackLock(dataDir: string): Promise<StackLock> {
  ensurePrivateDataDir(dataDir);
  const file = join(dataDir, 'stack.lock');
  const previous = readLock(file);
  if (previous && previous.pid !== process.pid && isAlive(previous.pid) && (commandLine(previous.pid) ?? 'node').includes('node')) {
    throw new Error(`another Aerostic stack (pid ${previous.pid}) is already using ${dataDir}; stop it first`);
  }
  for (const leftover of [...(previous?.processes ?? [])].reverse()) {
    if (!isOurProcess(leftover.pid, leftover.marker)) continue;
    log(`stopping leftover ${leftover.name} (pid ${leftover.pid}) from a previous run that did not shut down`);
    await terminate(leftover.pid, { signal: leftover.signal, graceMs: 10_000 });
  }
  const state: LockFile = { pid: process.pid, processes: [] };
  const write = () => writeFileSync(file, JSON.stringify(state, null, 2));
  write();
  let released = false;
  return {
    record(entry) {
      if (released) return;
      state.processes.push(entry);
      write();
    },
    release() {
      if (released) return;
      released = true;
      if (readLock(file)?.pid === process.pid) unlinkSync(file);
    },
  };
}
