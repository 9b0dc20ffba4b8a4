import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/bootstrap.mjs finds or builds the CLI and exports TEMPORAL_CLI_PATH; the cache fallback only
 * serves someone running these scripts directly with tsx.
 */
export function temporalCliPath(env: NodeJS.ProcessEnv): string {
  if (env.TEMPORAL_CLI_PATH) return env.TEMPORAL_CLI_PATH;
  const cached = join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'aerostic', 'bin', 'temporal');
  if (existsSync(cached)) return cached;
  throw new Error('no Temporal CLI: run through `npm start` / `npm test` (scripts/bootstrap.mjs installs it) or set TEMPORAL_CLI_PATH');
}
