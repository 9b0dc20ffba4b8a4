import { coalesce } from './coalesce';

describe('coalesced refreshes', () => {
  it('runs once per key at a time and folds calls made meanwhile into one rerun', async () => {
    const runs: string[] = [];
    const gates: Array<() => void> = [];
    const refresh = coalesce(async (key) => {
      runs.push(key);
      await new Promise<void>((resolve) => gates.push(resolve));
    });
    refresh('a');
    refresh('a');
    refresh('a');
    refresh('b');
    expect(runs).toEqual(['a', 'b']);
    gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toEqual(['a', 'b', 'a']);
    gates.shift()!();
    gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toEqual(['a', 'b', 'a']);
  });

  it('keeps going after a failed run', async () => {
    let calls = 0;
    const refresh = coalesce(async () => {
      calls++;
      throw new Error('offline');
    });
    refresh('a');
    await new Promise((r) => setTimeout(r, 0));
    refresh('a');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
  });
});
