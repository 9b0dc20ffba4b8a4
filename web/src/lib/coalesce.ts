/**
 * Runs `work(key)` at most once at a time per key; calls arriving meanwhile collapse into one rerun
 * after it. A burst of realtime events for one conversation costs two reads, not one per event.
 */
export function coalesce(work: (key: string) => Promise<void>): (key: string) => void {
  const dirty = new Map<string, boolean>();
  const run = async (key: string): Promise<void> => {
    dirty.set(key, false);
    try {
      await work(key);
    } catch {
      // The next event or a reload tries again; a failed background refresh must not break the page.
    }
    if (dirty.get(key)) return run(key);
    dirty.delete(key);
  };
  return (key) => {
    if (dirty.has(key)) dirty.set(key, true);
    else void run(key);
  };
}
