import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { historyFromJson } from '../support/history-json';
import { workflowCode } from '../support/workflow-env';

// Histories recorded from real runs (`npm run record-histories`): a change that would make a running
// actor take a different path on replay (a nondeterminism error in production) fails here.
const dir = join(__dirname, '..', 'fixtures', 'histories');
const histories = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ workflowId: `replay-${name.replace(/\.json$/, '')}`, history: historyFromJson(JSON.parse(readFileSync(join(dir, name), 'utf8'))) }));

describe('workflow replay over recorded histories', () => {
  it('has histories of every actor to replay', () => {
    const types = histories.map(({ history }) => history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name);
    expect(new Set(types)).toEqual(new Set(['conversationWorkflow', 'subscriptionWorkflow', 'trialWorkflow']));
    // The conversation actor's continue-as-new path (carrying its state over) is replayed too.
    const continued = histories.filter(({ history }) => history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes);
    expect(continued.map(({ workflowId }) => workflowId)).toEqual(['replay-conversation-day']);
  });

  it('replays each recorded history with today’s workflow code without a determinism error', async () => {
    const results: { workflowId: string; error: string | null }[] = [];
    for await (const result of Worker.runReplayHistories({ ...workflowCode(), replayName: 'fixtures' }, histories)) {
      results.push({ workflowId: result.workflowId, error: result.error ? `${result.error.name}: ${result.error.message}` : null });
    }
    expect(results).toEqual(histories.map(({ workflowId }) => ({ workflowId, error: null })));
  }, 120_000);
});
