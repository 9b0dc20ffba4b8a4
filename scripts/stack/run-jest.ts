import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { warn } from './log';

/** Jest in a child process, writing its JSON results to `resultsFile` for the tally; resolves with its exit code. */
export function runJest(root: string, resultsFile: string, env: NodeJS.ProcessEnv, args: string[], onSpawn: (stop: () => void) => void = () => undefined): Promise<number> {
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const child = spawn(process.execPath, [jest, '--ci', '--json', `--outputFile=${resultsFile}`, ...args], { cwd: root, env, stdio: 'inherit' });
  onSpawn(() => child.kill('SIGTERM'));
  return new Promise((done) => {
    child.once('error', (error) => {
      warn(`could not run jest: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
