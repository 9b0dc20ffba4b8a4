/**
 * `npm run record-histories [name…]`: runs the workflow scenarios of test/workflows/scenarios (real
 * workflow code on a Temporal dev server, mocked activities) and writes each run's history to
 * test/fixtures/histories/<name>.json, which workflows/replay.test.ts replays. Record anew only when a
 * change is meant to be compatible with what is running and the scenario itself changed; never to
 * make a failing replay pass (docs/TESTING.md).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { recordedScenarios } from '../test/workflows/scenarios';
import { historyToJson } from '../test/support/history-json';
import { createWorkflowTestEnv } from '../test/support/workflow-env';
import { errorMessage, log } from './stack/log';

const outDir = resolve(__dirname, '..', 'test', 'fixtures', 'histories');

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in recordedScenarios));
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(recordedScenarios).join(', ')}`);
  const env = await createWorkflowTestEnv();
  try {
    for (const [name, run] of Object.entries(recordedScenarios)) {
      if (wanted.length && !wanted.includes(name)) continue;
      const { workflowId, runId } = await run(env);
      const runs = [{ file: `${name}.json`, runId }];
      // A run that continued as new is kept with its last run, which starts from the carried state.
      if (runId) runs.push({ file: `${name}-after-continue.json`, runId: undefined });
      for (const recorded of runs) {
        const history = await env.client.workflow.getHandle(workflowId, recorded.runId).fetchHistory();
        writeFileSync(join(outDir, recorded.file), historyToJson(history));
        log(`recorded ${recorded.file}: ${history.events?.length ?? 0} events`);
      }
    }
  } finally {
    await env.teardown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`record-histories failed: ${errorMessage(error)}\n`);
    process.exit(1);
  },
);
