import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { log, warn } from './log';

export type WebBuildResult = 'fresh' | 'built' | 'skipped' | 'failed';

/** Inputs whose change makes web/dist stale; the app imports the shared schemas from domain/. */
const INPUTS = ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'domain'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // A deleted file only shows as its directory's mtime.
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isFresh(root: string): boolean {
  const built = join(root, 'web/dist/index.html');
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return INPUTS.every((input) => newestMtime(join(root, input)) <= builtAt);
}

export async function ensureWebBuild(root: string, signal?: AbortSignal): Promise<WebBuildResult> {
  if (!existsSync(join(root, 'web/vite.config.ts'))) {
    warn('web/vite.config.ts does not exist yet; skipping the web build');
    return 'skipped';
  }
  if (isFresh(root)) return 'fresh';
  log('building the web app (vite)…');
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stderr.write(`[web]    ${line}\n`));
    }
    child.once('error', (error) => {
      if (error.name !== 'AbortError') warn(`could not run vite: ${error.message}`);
      resolve(1);
    });
    child.once('close', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) {
    warn(`the web build failed (exit ${code}); see the [web] lines above`);
    return 'failed';
  }
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return 'built';
}
