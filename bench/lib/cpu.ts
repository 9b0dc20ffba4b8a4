import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time per component over a phase, from /proc (Linux; elsewhere every figure is undefined).
 * A component is a process and its live descendants, plus the time of children it has already reaped
 * (Postgres backends that exited).
 */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  comm: string;
  ppid: number;
  own: number;
  reaped: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; the rest follows the last ')'.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    // After the name: state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17), here offset by 3.
    return {
      comm: text.slice(text.indexOf('(') + 1, close),
      ppid: Number(fields[1]),
      own: Number(fields[11]) + Number(fields[12]),
      reaped: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return undefined;
  }
}

function allStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return stats;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  return stats;
}

function treeSeconds(root: number, stats: Map<number, ProcStat>, members: Set<number>): number | undefined {
  const rootStat = stats.get(root);
  if (!rootStat) return undefined;
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) {
    const list = children.get(stat.ppid);
    if (list) list.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  let ticks = rootStat.reaped;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    members.add(pid);
    ticks += stats.get(pid)?.own ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

/** Busy and total CPU seconds of the whole machine (all cores), from the first line of /proc/stat. */
function machineSeconds(): { busy: number; total: number } | undefined {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return { busy: busy / TICKS_PER_SECOND, total: (busy + idle + iowait) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** `node jest.js` rather than just `node`: the command name plus the script it runs, when there is one. */
function labelOf(pid: number, comm: string): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.slice(1).find((a) => !a.startsWith('-') && /[/.]/.test(a));
    return script ? `${comm} ${script.split('/').pop()}` : comm;
  } catch {
    return comm;
  }
}

export interface CpuSnapshot {
  at: number;
  components: Record<string, number | undefined>;
  machine: { busy: number; total: number } | undefined;
  /** CPU ticks of every process outside the components, by pid, for naming the biggest "other" users. */
  foreign: Map<number, { comm: string; ticks: number }>;
}

/** `components` maps a name to a root pid; 'bench' (this process) is always included. */
export function cpuSnapshot(components: Record<string, number | undefined>): CpuSnapshot {
  const stats = allStats();
  const out: Record<string, number | undefined> = {};
  const members = new Set<number>([process.pid]);
  for (const [name, pid] of Object.entries(components)) out[name] = pid === undefined ? undefined : treeSeconds(pid, stats, members);
  const usage = process.cpuUsage();
  out.bench = (usage.user + usage.system) / 1e6;
  const foreign = new Map<number, { comm: string; ticks: number }>();
  for (const [pid, stat] of stats) if (!members.has(pid)) foreign.set(pid, { comm: stat.comm, ticks: stat.own });
  return { at: performance.now(), components: out, machine: machineSeconds(), foreign };
}

export interface CpuUse {
  wallSeconds: number;
  /** CPU seconds per component during the interval. */
  seconds: Record<string, number>;
  /** Everything else on the machine (other people's builds and tests, the kernel), CPU seconds. */
  otherSeconds: number | undefined;
  /** Machine busy fraction over the interval, 0–1 of all cores. */
  machineBusy: number | undefined;
  /** The biggest CPU users outside the bench, by command name, CPU seconds (processes that ran throughout). */
  topForeign: { comm: string; seconds: number }[];
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const seconds: Record<string, number> = {};
  for (const [name, value] of Object.entries(after.components)) {
    const start = before.components[name];
    if (value !== undefined && start !== undefined) seconds[name] = Math.max(0, value - start);
  }
  const ours = Object.values(seconds).reduce((a, b) => a + b, 0);
  const machine = before.machine && after.machine ? { busy: after.machine.busy - before.machine.busy, total: after.machine.total - before.machine.total } : undefined;
  const byComm = new Map<string, number>();
  for (const [pid, now] of after.foreign) {
    const then = before.foreign.get(pid);
    const ticks = now.ticks - (then?.comm === now.comm ? then.ticks : 0);
    if (ticks > 0) {
      const name = labelOf(pid, now.comm);
      byComm.set(name, (byComm.get(name) ?? 0) + ticks / TICKS_PER_SECOND);
    }
  }
  return {
    wallSeconds: (after.at - before.at) / 1000,
    seconds,
    otherSeconds: machine ? Math.max(0, machine.busy - ours) : undefined,
    machineBusy: machine && machine.total > 0 ? machine.busy / machine.total : undefined,
    topForeign: [...byComm.entries()]
      .map(([comm, s]) => ({ comm, seconds: s }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 5),
  };
}
