import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { log } from './log';
import { terminate } from './proc';

export interface ExitInfo {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedChild {
  name: string;
  pid: number | undefined;
  exited: Promise<ExitInfo>;
}

export interface TsChildSpec {
  name: string;
  /** Absolute path of the TypeScript entry file. */
  entry: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function prefixLines(stream: Readable, prefix: string, target: Writable): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => target.write(`${prefix}${line}\n`));
}

/**
 * Runs TypeScript children (`node --import tsx`, one process each, so the pid we signal is the app
 * itself). Each gets its own process group: a terminal Ctrl-C reaches only us, and each child then gets
 * exactly one SIGTERM, in order, instead of a SIGINT from the terminal plus whatever we forward.
 */
export class ProcessGroup {
  private readonly children = new Map<string, { child: ChildProcess; managed: ManagedChild }>();
  private stopping = false;
  private unexpectedExitHandler: ((info: ExitInfo) => void) | undefined;

  constructor() {
    // Last resort if this process dies without stopping them (an uncaught error): they would be orphans.
    process.once('exit', () => this.killAllSync());
  }

  onUnexpectedExit(handler: (info: ExitInfo) => void): void {
    this.unexpectedExitHandler = handler;
  }

  spawnTs(spec: TsChildSpec): ManagedChild {
    const child = spawn(process.execPath, ['--import', 'tsx', spec.entry], {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const width = 8;
    const prefix = `[${spec.name}]`.padEnd(width) + ' ';
    prefixLines(child.stdout!, prefix, process.stdout);
    prefixLines(child.stderr!, prefix, process.stderr);
    const exited = new Promise<ExitInfo>((resolve) => {
      child.once('error', (error) => {
        log(`${spec.name} could not be started: ${error.message}`);
        resolve({ name: spec.name, code: 1, signal: null });
      });
      child.once('exit', (code, signal) => resolve({ name: spec.name, code, signal }));
    });
    const managed: ManagedChild = { name: spec.name, pid: child.pid, exited };
    this.children.set(spec.name, { child, managed });
    void exited.then((info) => {
      this.children.delete(spec.name);
      if (!this.stopping) this.unexpectedExitHandler?.(info);
    });
    return managed;
  }

  /** SIGTERM to every child at once, SIGKILL to the stragglers' process groups after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(async ({ child, managed }) => {
        if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
        log(`stopping ${managed.name}`);
        await terminate(child.pid, { signal: 'SIGTERM', graceMs });
        await managed.exited;
      }),
    );
  }

  private killAllSync(): void {
    for (const { child } of this.children.values()) {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
    }
  }
}
