import { ApplicationFailure } from '@temporalio/common';

interface Circuit {
  failures: number;
  openUntil?: number;
  /** While half-open, the one probe's lease; a lease (not a flag) so a probe that never reports back cannot wedge the circuit. */
  probeUntil?: number;
}

/**
 * Per phone number, in this worker: after `failureThreshold` consecutive retryable failures the number
 * rests for `openMs`; then one send probes (half-open). Success closes it, failure reopens it.
 */
export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();

  constructor(
    private readonly options: { failureThreshold: number; openMs: number; probeLeaseMs?: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws a retryable `circuit_open` failure while the number rests. */
  check(key: string): void {
    const circuit = this.circuits.get(key);
    if (circuit?.openUntil === undefined) return;
    const now = this.now();
    if (now < circuit.openUntil) throw openFailure(circuit.openUntil - now);
    if (circuit.probeUntil !== undefined && now < circuit.probeUntil) throw openFailure(circuit.probeUntil - now);
    circuit.probeUntil = now + (this.options.probeLeaseMs ?? 10_000);
  }

  success(key: string): void {
    this.circuits.delete(key);
  }

  failure(key: string): void {
    const circuit = this.circuits.get(key) ?? { failures: 0 };
    circuit.failures += 1;
    const halfOpen = circuit.openUntil !== undefined;
    if (halfOpen || circuit.failures >= this.options.failureThreshold) {
      circuit.openUntil = this.now() + this.options.openMs;
      circuit.probeUntil = undefined;
    }
    this.circuits.set(key, circuit);
  }

  state(key: string): 'closed' | 'open' | 'half_open' {
    const circuit = this.circuits.get(key);
    if (circuit?.openUntil === undefined) return 'closed';
    return this.now() < circuit.openUntil ? 'open' : 'half_open';
  }
}

function openFailure(msLeft: number): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'circuit_open',
    message: 'Sending from this number is paused after repeated failures at Meta',
    nextRetryDelay: Math.max(1, Math.ceil(msLeft)),
  });
}
