import { log } from './log';

/**
 * Calls `handler` once for the first SIGINT/SIGTERM/SIGHUP. Later ones are expected, not urgent: npm,
 * the bootstrap and the terminal may each deliver the same Ctrl-C, and shutdown has its own timeouts.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  let received: NodeJS.Signals | undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (received) {
        log(`${signal} received, still stopping…`);
        return;
      }
      received = signal;
      handler(signal);
    });
  }
}
