import type { Client } from '@temporalio/client';
import type { AppConfig } from '../config';

/** What every actor client needs: the Temporal client and the config (task-queue prefix, timings). */
export interface ActorDeps {
  temporal: Client;
  config: AppConfig;
}
