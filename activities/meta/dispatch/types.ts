import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { EncryptionKey } from '../../../config';
import type { Database } from '../../../db/connection';
import type { TMessageContent } from '../../../domain/messages';
import type { GraphClient } from '../../../integrations/meta/graph-client';

export interface DispatchInput {
  tenantId: string;
  /** Our uuid, already inserted in `messages` with status 'queued' and created_at = messageCreatedAt. */
  messageId: string;
  /** ISO timestamp; with messageId it is the messages primary key (the table is partitioned by it). */
  messageCreatedAt: string;
  phoneNumberId: string;
  /** E.164, with the plus. */
  to: string;
  content: TMessageContent;
  replyToWaMessageId?: string;
}

export interface DispatchResult {
  waMessageId: string;
  /** True when the ledger already held the answer (a retry, or a status webhook reconciled it) and nothing was sent. */
  reconciled: boolean;
}

export interface DispatcherDeps {
  db: Database;
  graph: GraphClient;
  encryptionKeys: EncryptionKey[];
  /** Messages per second per phone number; default 80 (Meta's default throughput). */
  ratePerSecond?: number;
  /** When set, `limiter` must be a limiter shared through that Redis (a per-worker one would multiply the rate). */
  redisUrl?: string;
  /** The per-number token bucket; default an in-process RateLimiterMemory. See createNumberRateLimiter. */
  limiter?: RateLimiterAbstract;
  /** Longest wait for a token inside the activity before handing the wait to Temporal; default 2000 ms. */
  maxRateWaitMs?: number;
  breaker?: { failureThreshold: number; openMs: number };
  /** How long an ambiguous attempt waits for a status webhook before sending again; default 30 s. */
  reconcileWindowMs?: number;
  /** Per Graph call; default 8000 ms. */
  sendTimeoutMs?: number;
}
