import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { temporalCliPath } from '../../scripts/stack/temporal-cli-path';

let runtimeInstalled = false;

/**
 * A Temporal test environment on a real server: the test stack's (`npm test` exports TEMPORAL_ADDRESS),
 * else a dev server started from the CLI the bootstrap found or built (never the SDK's download,
 * which these machines cannot reach). The workflows run as in production; only activities are mocked.
 */
export async function createWorkflowTestEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  if (process.env.TEMPORAL_ADDRESS) {
    return TestWorkflowEnvironment.createFromExistingServer({ address: process.env.TEMPORAL_ADDRESS, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  }
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath(process.env) },
      // As on the test stack: actors continue as new after ~100 events, so recorded histories include it.
      extraArgs: ['--dynamic-config-value', 'frontend.enableServerVersionCheck=false', '--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=100'],
    },
  });
}

/** The bundle `npm test` built once (AEROSTIC_WORKFLOW_BUNDLE), else workflows/index.ts bundled here. */
export function workflowCode(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const bundle = process.env.AEROSTIC_WORKFLOW_BUNDLE;
  return bundle ? { workflowBundle: { codePath: bundle } } : { workflowsPath: require.resolve('../../workflows') };
}

/** Runs `body` while a worker with these (mock) activities polls a task queue of its own. */
export async function withWorker<T>(env: TestWorkflowEnvironment, activities: object, body: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `workflow-test-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, activities, ...workflowCode() });
  return worker.runUntil(body(taskQueue));
}
