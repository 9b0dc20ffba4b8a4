import type { DispatchInput, DispatchResult } from './types';

/** The dispatcher as workflows see it (a type-only import keeps the workflow bundle free of Node code). */
export interface DispatchActivities {
  dispatchMessage(input: DispatchInput): Promise<DispatchResult>;
  markReadAtMeta(input: { tenantId: string; phoneNumberId: string; waMessageId: string }): Promise<void>;
}
