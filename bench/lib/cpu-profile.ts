/**
 * Where a process's CPU went, from a V8 `.cpuprofile` (`--cpu-prof`): self time by package or source
 * folder and by function, idle excluded.
 *
 *   node --import tsx bench/lib/cpu-profile.ts [--from S] [--to S] [--top N] FILE.cpuprofile…
 *
 * --from/--to keep only samples between those seconds after the profile started (skip start-up).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const root = resolve(__dirname, '..', '..');

function bucketOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url.split('/')[0];
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return `npm:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel.split('/').slice(0, 2).join('/');
}

export function summarizeProfile(file: string, opts: { from?: number; to?: number; top?: number } = {}): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const seconds = t / 1e6;
    if (opts.from !== undefined && seconds < opts.from) continue;
    if (opts.to !== undefined && seconds > opts.to) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0));
  }
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += us;
    const bucket = bucketOf(url, functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'}  ${bucket}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const top = opts.top ?? 20;
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`)
      .join('\n');
  return [
    `${file}: ${(busy / 1e6).toFixed(2)} s busy of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled${opts.from !== undefined || opts.to !== undefined ? ` (window ${opts.from ?? 0}–${opts.to ?? 'end'} s)` : ''}`,
    'self time by package / folder:',
    rows(buckets),
    'self time by function:',
    rows(functions),
  ].join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const opts: { from?: number; to?: number; top?: number } = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--from') opts.from = Number(args[++i]);
    else if (args[i] === '--to') opts.to = Number(args[++i]);
    else if (args[i] === '--top') opts.top = Number(args[++i]);
    else files.push(args[i]);
  }
  if (files.length === 0) {
    process.stderr.write('usage: node --import tsx bench/lib/cpu-profile.ts [--from S] [--to S] [--top N] FILE.cpuprofile…\n');
    process.exit(2);
  }
  for (const file of files) process.stdout.write(`${summarizeProfile(file, opts)}\n\n`);
}
