import { ApplicationFailure } from '@temporalio/common';
import type { Knex } from 'knex';
import { withTenant } from '../../../db/tenant-transaction';
import { markTokenExpired } from '../../../db/whatsapp/accounts';
import { loadAccountToken } from '../account-token';
import { GraphError } from '../../../integrations/meta/graph-client';
import { currentActivity } from './activity-context';
import { CircuitBreaker } from './circuit-breaker';
import { classifySendError, rejectedFailure } from './classify';
import { toGraphMessage } from './graph-message';
import { claimForSend, markAccepted, markFailed, noteAmbiguousError, openLedgerRow, readLedgerRow, releaseToPending, type LedgerRow } from '../../../db/dispatch/send-ledger';
import { createNumberRateLimiter, takeSendToken } from './rate-limit';
import type { DispatchInput, DispatchResult, DispatcherDeps } from './types';

interface SendResponse {
  messages?: { id?: string }[];
}

/**
 * The one path to Meta's send endpoint. Runs as a Temporal activity: Temporal retries, and the
 * failures thrown here decide whether and when. The ledger row is written before Meta is called,
 * so no retry, crash or concurrent attempt sends a message twice.
 */
export function createDispatcher(deps: DispatcherDeps) {
  if (deps.redisUrl && !deps.limiter) {
    throw new Error('REDIS_URL is set: pass a limiter shared through Redis (createNumberRateLimiter(rate, redisClient)), or each worker would send at the full rate');
  }
  const windowMs = deps.reconcileWindowMs ?? 30_000;
  const limiter = deps.limiter ?? createNumberRateLimiter(deps.ratePerSecond ?? 80);
  const breaker = new CircuitBreaker(deps.breaker ?? { failureThreshold: 5, openMs: 30_000 });
  const tx = <T>(tenantId: string, work: (trx: Knex.Transaction) => Promise<T>) => withTenant(deps.db.app, tenantId, work);

  async function dispatchMessage(input: DispatchInput): Promise<DispatchResult> {
    const { tenantId, messageId, phoneNumberId } = input;
    const settled = settle(await tx(tenantId, (trx) => openLedgerRow(trx, input)), windowMs);
    if (settled) return settled;

    const token = await loadAccountToken(deps.db, deps.encryptionKeys, tenantId, phoneNumberId);
    await takeSendToken(limiter, phoneNumberId, deps.maxRateWaitMs ?? 2_000);
    breaker.check(phoneNumberId);
    if (!(await tx(tenantId, (trx) => claimForSend(trx, messageId, windowMs)))) {
      // Another attempt claimed it between our read and the claim.
      const now = await tx(tenantId, (trx) => readLedgerRow(trx, messageId));
      const result = now && settle(now, windowMs);
      if (result) return result;
      throw inFlightFailure(2_000);
    }

    const signal = currentActivity()?.cancellationSignal;
    let response: SendResponse;
    try {
      response = await deps.graph.request<SendResponse>({
        method: 'POST',
        path: `${phoneNumberId}/messages`,
        token,
        body: toGraphMessage(input.content, input.to, messageId, input.replyToWaMessageId),
        timeoutMs: deps.sendTimeoutMs ?? 8_000,
        signal,
      });
    } catch (err) {
      const failure = await recordFailure(input, err, signal?.aborted ?? false);
      // A cancelled activity reports its CancelledFailure, so the workflow sees a cancellation.
      throw signal?.aborted ? signal.reason : failure;
    }
    const waMessageId = response.messages?.[0]?.id;
    if (!waMessageId) {
      throw await recordFailure(input, new GraphError(200, undefined, undefined, 'Meta answered without a message id', undefined, 'malformed'), false);
    }
    breaker.success(phoneNumberId);
    await tx(tenantId, (trx) => markAccepted(trx, { ...input, waMessageId }));
    return { waMessageId, reconciled: false };
  }

  /** Leaves the ledger and the breaker as the failure proves, and returns what Temporal should see. */
  async function recordFailure(input: DispatchInput, err: unknown, cancelled: boolean): Promise<ApplicationFailure> {
    const failure = classifySendError(err);
    if (failure.outcome === 'rejected') breaker.success(input.phoneNumberId);
    else if (failure.countsForBreaker && !cancelled) breaker.failure(input.phoneNumberId);
    await tx(input.tenantId, async (trx) => {
      if (failure.outcome === 'not_accepted') return releaseToPending(trx, input.messageId, failure.code);
      if (failure.outcome === 'ambiguous') return noteAmbiguousError(trx, input.messageId, failure.code);
      await markFailed(trx, input.messageId, failure.code);
      if (failure.tokenExpired) await markTokenExpired(trx, input.phoneNumberId);
    });
    return failure.failure;
  }

  /** Meta's read receipt (blue ticks for the customer); repeating it is harmless, so no ledger. */
  async function markReadAtMeta(input: { tenantId: string; phoneNumberId: string; waMessageId: string }): Promise<void> {
    const token = await loadAccountToken(deps.db, deps.encryptionKeys, input.tenantId, input.phoneNumberId);
    await takeSendToken(limiter, input.phoneNumberId, deps.maxRateWaitMs ?? 2_000);
    try {
      await deps.graph.request({
        method: 'POST',
        path: `${input.phoneNumberId}/messages`,
        token,
        body: { messaging_product: 'whatsapp', status: 'read', message_id: input.waMessageId },
        timeoutMs: deps.sendTimeoutMs ?? 8_000,
        signal: currentActivity()?.cancellationSignal,
      });
    } catch (err) {
      throw classifySendError(err).failure;
    }
  }

  return { dispatchMessage, markReadAtMeta, breaker };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/** What an existing ledger row already decides: its wamid, its rejection, or a wait for a status. */
function settle(row: LedgerRow, windowMs: number): DispatchResult | undefined {
  if (row.state === 'accepted' && row.waMessageId) return { waMessageId: row.waMessageId, reconciled: true };
  if (row.state === 'failed') throw rejectedFailure(row.lastErrorCode);
  if (row.state === 'in_flight' && row.ageMs < windowMs) throw inFlightFailure(windowMs - row.ageMs);
  return undefined;
}

function inFlightFailure(msLeft: number): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'send_in_flight',
    message: 'An earlier attempt may have reached Meta; waiting for its status before sending again',
    nextRetryDelay: Math.round(Math.min(5_000, Math.max(2_000, msLeft))),
  });
}
