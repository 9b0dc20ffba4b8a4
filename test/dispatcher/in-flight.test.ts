import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { reconcileFromStatus } from '../../activities/meta/dispatch';
import { createGraphClient, GraphError, type GraphClient } from '../../integrations/meta/graph-client';
import { withTenant } from '../../db/tenant-transaction';
import { startTestApp, type TestApp } from '../support/harness';
import { connectNumber, createTenant, dispatcherFor, ledgerOf, queueMessage, sleep, storedWamids } from './setup';

let app: TestApp;
let tenantId: string;

beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  app.meta.setStatusBehaviour({ upTo: 'none' });
  tenantId = await createTenant(app);
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

const sendsFrom = (phoneNumberId: string) => app.meta.requests().filter((r) => r.operation === 'messages' && r.path.includes(phoneNumberId));

describe('dispatcher: an attempt whose answer was lost', () => {
  it('does not send again while in flight, and settles from the status webhook', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    // Meta takes the message but its answer is lost: the worst case for a double send.
    const real = createGraphClient(app.config.meta);
    const losingAnswers: GraphClient = {
      ...real,
      async request(req) {
        await real.request(req);
        throw new GraphError(0, undefined, undefined, 'Meta did not answer in time', undefined, 'timeout');
      },
    };
    await expect(dispatcherFor(app, { graph: losingAnswers }).dispatchMessage(input)).rejects.toMatchObject({ type: 'meta_retryable', nonRetryable: false });
    expect(await ledgerOf(app, input)).toMatchObject({ state: 'in_flight', last_error_code: 'timeout' });
    const [sent] = app.meta.sent({ phoneNumberId: account.phoneNumberId });
    const dispatcher = dispatcherFor(app);

    const waiting = await dispatcher.dispatchMessage(input).catch((e) => e);
    expect(waiting).toMatchObject({ type: 'send_in_flight', nonRetryable: false });
    expect(Number(waiting.nextRetryDelay)).toBeGreaterThanOrEqual(2_000);
    expect(Number(waiting.nextRetryDelay)).toBeLessThanOrEqual(5_000);

    expect(sent.bizOpaqueCallbackData).toBe(input.messageId);
    const target = await withTenant(app.db.app, tenantId, (trx) => reconcileFromStatus(trx, { messageId: sent.bizOpaqueCallbackData!, waMessageId: sent.wamid }));
    expect(target?.messageId).toBe(input.messageId);
    expect(await dispatcher.dispatchMessage(input)).toEqual({ waMessageId: sent.wamid, reconciled: true });
    expect(sendsFrom(account.phoneNumberId)).toHaveLength(1);
    expect(await storedWamids(app, input)).toEqual({ message: sent.wamid, index: [sent.wamid], usage: 1 });
  });

  it('sends again once the window passed without any status (Meta never got it)', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    const dispatcher = dispatcherFor(app, { sendTimeoutMs: 300, reconcileWindowMs: 600 });
    app.meta.injectFault({ kind: 'hang', times: 1, phoneNumberId: account.phoneNumberId });
    await expect(dispatcher.dispatchMessage(input)).rejects.toMatchObject({ type: 'meta_retryable' });
    await expect(dispatcher.dispatchMessage(input)).rejects.toMatchObject({ type: 'send_in_flight' });
    expect(app.meta.sent({ phoneNumberId: account.phoneNumberId })).toHaveLength(0);
    await sleep(650);
    const result = await dispatcher.dispatchMessage(input);
    expect(app.meta.sent({ phoneNumberId: account.phoneNumberId }).map((m) => m.wamid)).toEqual([result.waMessageId]);
    expect(await ledgerOf(app, input)).toMatchObject({ state: 'accepted', attempts: 2 });
  });

  it('of two concurrent attempts only one reaches Meta', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    app.meta.injectFault({ kind: 'delay', ms: 300, times: 1, phoneNumberId: account.phoneNumberId });
    const results = await Promise.allSettled([dispatcherFor(app).dispatchMessage(input), dispatcherFor(app).dispatchMessage(input)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { type: 'send_in_flight' } });
    expect(app.meta.sent({ phoneNumberId: account.phoneNumberId })).toHaveLength(1);
  });

  it('inside an activity, cancellation aborts the call and leaves the send in flight', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    const dispatcher = dispatcherFor(app, { breaker: { failureThreshold: 1, openMs: 60_000 } });
    app.meta.injectFault({ kind: 'hang', times: 1, phoneNumberId: account.phoneNumberId });
    const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
    const started = Date.now();
    const running = env.run(dispatcher.dispatchMessage, input);
    await app.meta.waitFor(() => sendsFrom(account.phoneNumberId).length > 0);
    env.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledFailure);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await ledgerOf(app, input)).state).toBe('in_flight');
    expect(dispatcher.breaker.state(account.phoneNumberId)).toBe('closed');
  });
});

describe('dispatcher: circuit breaker', () => {
  it('opens after N consecutive retryable failures, then lets one probe through', async () => {
    const account = await connectNumber(app, tenantId);
    const dispatcher = dispatcherFor(app, { breaker: { failureThreshold: 2, openMs: 500 } });
    const fault = app.meta.injectFault({ kind: 'http', status: 503, phoneNumberId: account.phoneNumberId });
    for (let i = 0; i < 2; i++) {
      await expect(dispatcher.dispatchMessage(await queueMessage(app, tenantId, account.phoneNumberId))).rejects.toMatchObject({ type: 'meta_retryable' });
    }
    const blocked = await queueMessage(app, tenantId, account.phoneNumberId);
    const err = await dispatcher.dispatchMessage(blocked).catch((e) => e);
    expect(err).toMatchObject({ type: 'circuit_open', nonRetryable: false });
    expect(Number(err.nextRetryDelay)).toBeGreaterThan(0);
    expect(Number(err.nextRetryDelay)).toBeLessThanOrEqual(500);
    expect(sendsFrom(account.phoneNumberId)).toHaveLength(2);
    expect((await ledgerOf(app, blocked)).state).toBe('pending');

    app.meta.clearFault(fault);
    await sleep(550);
    await expect(dispatcher.dispatchMessage(blocked)).resolves.toMatchObject({ reconciled: false });
    expect(dispatcher.breaker.state(account.phoneNumberId)).toBe('closed');
  });
});
