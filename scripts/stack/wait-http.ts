import { setTimeout as sleep } from 'node:timers/promises';

/** True once the URL answers with any HTTP status (the server is listening); false on timeout or abort. */
export async function waitForHttp(url: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !signal?.aborted) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await sleep(300);
    }
  }
  return false;
}
