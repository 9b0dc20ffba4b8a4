import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `tsc --noEmit` over the whole project, run beside the stack's start-up so it costs no wall time:
 * SWC strips types without checking them, so without this a type error would pass the tests.
 */
export function typeCheck(root: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json'), '--noEmit'], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
    child.on('error', (err) => resolve({ ok: false, output: err.message }));
  });
}
