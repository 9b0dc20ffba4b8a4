import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the mocked activities were called with, in order. */
export class CallLog {
  readonly calls: { name: string; input: unknown }[] = [];

  record(name: string, input: unknown): void {
    this.calls.push({ name, input });
  }

  inputs<T = Record<string, unknown>>(name: string): T[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as T);
  }

  /** Waits until `name` has been called `count` times; fails on timeout instead of passing. */
  async until(name: string, count = 1, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.inputs(name).length < count) {
      if (Date.now() > deadline) throw new Error(`${name} was called ${this.inputs(name).length} times, not ${count}, within ${timeoutMs} ms`);
      await sleep(50);
    }
  }
}

/** The ApplicationFailure type an update's validator refused with (the request never entered history). */
export async function refusalOf(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) return String(error.cause.type);
    throw error;
  }
  throw new Error('the update was accepted, not refused');
}
