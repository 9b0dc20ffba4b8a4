/**
 * `npm run test:unit`: the fast lane alone (jest project `unit`: pure tests beside the code and the
 * workflow replay tests). No Postgres, Temporal, type check or web build, so it takes seconds. The
 * last line printed is the same `tests: N passed, N failed[, N skipped]` as `npm test`'s.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatCounts, tallyJestRun } from './stack/jest-summary';
import { runJest } from './stack/run-jest';
import { onShutdownSignal } from './stack/signals';

const root = resolve(__dirname, '..');
const dataDir = join(root, '.data', 'unit');
const resultsFile = join(dataDir, 'jest-results.json');

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  let stopJest: (() => void) | undefined;
  onShutdownSignal(() => stopJest?.());
  const jestCode = await runJest(root, resultsFile, process.env, ['--selectProjects', 'unit', ...process.argv.slice(2)], (stop) => (stopJest = stop));
  const counts = tallyJestRun(resultsFile, jestCode);
  process.stdout.write(`${formatCounts(counts)}\n`);
  process.exit(jestCode === 0 && counts.failed === 0 ? 0 : 1);
}

void main();
