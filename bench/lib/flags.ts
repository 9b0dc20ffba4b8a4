/**
 * The benches' flags: `--name value` or `--name=value`, each with a BENCH_* environment fallback, so
 * `npm run bench:… -- --seconds 20` and `BENCH_SECONDS=20 npm run bench:…` both work.
 */
export interface Flags {
  /** The flag's value, else the environment variable's. */
  raw(flag: string, envName: string): string | undefined;
  /** A number from min to max; `fallback` when neither the flag nor the variable gives one. */
  num(flag: string, envName: string, fallback: number, min: number, max: number): number;
  /** A switch: given as `--flag`, or the variable set to 1 or true. */
  on(flag: string, envName: string): boolean;
}

export interface FlagSpec {
  /** Appended to every usage error. */
  help: string;
  known: string[];
  /** Flags that take no value. */
  switches: string[];
}

function readArgs(argv: string[], spec: FlagSpec): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.set('help', '1');
    else if (arg.startsWith('--') && spec.switches.includes(arg.slice(2))) args.set(arg.slice(2), '1');
    else if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n\n${spec.help}`);
    else if (arg.includes('=')) args.set(arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value\n\n${spec.help}`);
      args.set(arg.slice(2), value);
      i++;
    }
  }
  return args;
}

export function readFlags(argv: string[], env: NodeJS.ProcessEnv, spec: FlagSpec): Flags | 'help' {
  const args = readArgs(argv, spec);
  if (args.has('help')) return 'help';
  for (const name of args.keys()) if (!spec.known.includes(name)) throw new Error(`unknown flag --${name}\n\n${spec.help}`);
  const raw = (flag: string, envName: string): string | undefined => args.get(flag) ?? env[envName];
  const num = (flag: string, envName: string, fallback: number, min: number, max: number): number => {
    const given = raw(flag, envName);
    if (given === undefined || given === '') return fallback;
    const value = Number(given);
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${flag} (${envName}) must be a number from ${min} to ${max}, got ${given}`);
    return value;
  };
  const on = (flag: string, envName: string): boolean => ['1', 'true'].includes(raw(flag, envName) ?? '');
  return { raw, num, on };
}
