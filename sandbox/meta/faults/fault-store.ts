import { randomUUID } from 'node:crypto';
import type { ActiveFault } from '../types';
import type { FaultSpec, GraphOperation } from './fault-spec';

/** 131047 and 131026 normally reach the business as a `failed` status, not as a send error. */
const ASYNC_BY_DEFAULT = new Set([131026, 131047]);

export interface FaultTarget {
  operation: GraphOperation;
  /** The phone number the call concerns, when there is one. */
  phoneNumberId?: string;
}

export class FaultStore {
  private readonly faults: ActiveFault[] = [];

  add(spec: FaultSpec): string {
    const id = randomUUID();
    this.faults.push({ id, spec, remaining: spec.times, hits: 0 });
    return id;
  }

  remove(id: string): void {
    const i = this.faults.findIndex((f) => f.id === id);
    if (i >= 0) this.faults.splice(i, 1);
  }

  clear(filter: { phoneNumberId?: string } = {}): void {
    for (const f of [...this.faults]) if (!filter.phoneNumberId || f.spec.phoneNumberId === filter.phoneNumberId) this.remove(f.id);
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Takes the first fault that matches (consuming one of its `times`), oldest first. */
  take(target: FaultTarget): ActiveFault | undefined {
    const fault = this.faults.find((f) => matches(f.spec, target));
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.remaining !== undefined && --fault.remaining <= 0) this.remove(fault.id);
    return { ...fault };
  }
}

function matches(spec: FaultSpec, target: FaultTarget): boolean {
  if (spec.operation && spec.operation !== target.operation) return false;
  if (spec.phoneNumberId && spec.phoneNumberId !== target.phoneNumberId) return false;
  return true;
}

export function isAsyncFailure(spec: FaultSpec, operation: GraphOperation): boolean {
  if (spec.kind !== 'meta-error' || operation !== 'messages') return false;
  return spec.async ?? ASYNC_BY_DEFAULT.has(spec.code);
}
