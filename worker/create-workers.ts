import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { taskQueue, type TaskQueueName } from '../domain/contracts';
import type { AppConfig } from '../config';
import { temporalConnectOptions } from '../config/temporal-connection';
import { createActivities, type ActivityDeps } from '../activities';
import { encryptedDataConverter } from '../infra/codec/encryption-codec';

export interface WorkerSet {
  run(): Promise<void>;
  shutdown(): void;
}

/** Queues that have workflows today; the others get workers as their features land. */
export const activeQueues: TaskQueueName[] = ['billing', 'conversations'];

/**
 * One Worker per task queue (DESIGN §2), sharing one connection and one set of activities. A prebuilt
 * workflow bundle (production, tests) skips webpack at start-up.
 */
export async function createWorkers(
  config: AppConfig,
  deps: ActivityDeps,
  options: { workflowBundlePath?: string; queues?: TaskQueueName[] } = {},
): Promise<WorkerSet & { connection: NativeConnection }> {
  const connection = await NativeConnection.connect(temporalConnectOptions(config.temporal.connection));
  const activities = createActivities(deps);
  const dataConverter = encryptedDataConverter(config.encryptionKeys);
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = options.workflowBundlePath
    ? { workflowBundle: { codePath: options.workflowBundlePath } }
    : { workflowsPath: require.resolve('../workflows') };
  const workers = await Promise.all(
    (options.queues ?? activeQueues).map((name) =>
      Worker.create({
        connection,
        namespace: config.temporal.namespace,
        taskQueue: taskQueue(name, config.temporal.taskQueuePrefix),
        activities,
        dataConverter,
        ...workflowSource,
      }),
    ),
  );
  return {
    connection,
    async run() {
      try {
        await Promise.all(workers.map((w) => w.run()));
      } finally {
        await connection.close();
      }
    },
    shutdown() {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
    },
  };
}
