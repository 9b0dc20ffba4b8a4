import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CheckResult {
  name: string;
  ok: boolean;
  output: string;
}

/** Lines of a failing check's output printed; the rest is counted (an unformatted tree lists every file). */
const MAX_LINES = 60;

function runNode(root: string, name: string, args: string[]): Promise<CheckResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ name, ok: code === 0, output }));
    child.on('error', (err) => resolve({ name, ok: false, output: err.message }));
  });
}

/**
 * ESLint (the import rules and the layer matrix) and Prettier's check over the whole tree, run beside
 * the type check: each that fails counts as one failure in the final tally, as a type error does.
 */
export function lintChecks(root: string): Promise<CheckResult>[] {
  return [
    runNode(root, 'ESLint (eslint .)', [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']),
    runNode(root, 'the format check (prettier --check .)', [join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '.', '--log-level', 'warn']),
  ];
}

export function abbreviated(output: string): string {
  const lines = output.trimEnd().split('\n');
  if (lines.length <= MAX_LINES) return `${lines.join('\n')}\n`;
  return `${lines.slice(0, MAX_LINES).join('\n')}\n… ${lines.length - MAX_LINES} more lines\n`;
}
