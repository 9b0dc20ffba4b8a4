import { errorMessage, log, warn } from './log';

interface Step {
  name: string;
  stop: () => Promise<void>;
  /** Synchronous fallback for process 'exit', where nothing can be awaited. */
  kill?: () => void;
}

/** Stops what was started, newest first (children before Temporal before Postgres). */
export class Teardown {
  private readonly steps: Step[] = [];
  private running: Promise<void> | undefined;

  constructor() {
    process.once('exit', () => {
      for (const step of [...this.steps].reverse()) {
        try {
          step.kill?.();
        } catch {
          // Best effort while exiting.
        }
      }
    });
  }

  add(name: string, stop: () => Promise<void>, kill?: () => void): void {
    this.steps.push({ name, stop, kill });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (let step = this.steps.pop(); step; step = this.steps.pop()) {
        log(`stopping ${step.name}`);
        try {
          await step.stop();
        } catch (error) {
          warn(`stopping ${step.name} failed: ${errorMessage(error)}`);
        }
      }
    })();
    return this.running;
  }
}
