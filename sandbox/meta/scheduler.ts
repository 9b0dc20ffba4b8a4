/** Timers and background tasks the simulator owns, so tests can await them (`idle`) and `stop` can cancel them. */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  after(ms: number, task: () => Promise<unknown> | unknown): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(Promise.resolve().then(task)).catch(() => undefined);
    }, ms);
    this.timers.add(timer);
  }

  /** Registers a promise as pending work; rejections are swallowed here because each task records its own outcome. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.catch(() => undefined).finally(() => this.running.delete(settled));
    this.running.add(settled);
    return work;
  }

  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      if (this.running.size > 0) await Promise.all([...this.running]);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  cancelTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimers();
  }
}
