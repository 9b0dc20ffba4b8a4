import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { warn } from './log';

const JEST_HEAP_MB = 8192;

/** Jest in a child process, writing its JSON results to `resultsFile` for the tally; resolves with its exit code. */
export function runJest(root: string, resultsFile: string, env: NodeJS.ProcessEnv, args: string[], onSpawn: (stop: () => void) => void = () => undefined): Promise<number> {
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  // On two cores jest runs every file in band, one after another in this one process, and its heap
  // outgrew node's default (about 4 GB) near the end of the full suite: give it room (docs/TESTING.md).
  const child = spawn(process.execPath, [`--max-old-space-size=${JEST_HEAP_MB}`, jest, '--ci', '--json', `--outputFile=${resultsFile}`, ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  onSpawn(() => child.kill('SIGTERM'));
  return new Promise((done) => {
    child.once('error', (error) => {
      warn(`could not run jest: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
