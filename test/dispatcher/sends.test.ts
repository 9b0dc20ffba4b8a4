import { withTenant } from '../../db/tenant-transaction';
import { startTestApp, type TestApp } from '../support/harness';
import { connectNumber, createTenant, dispatcherFor, ledgerOf, queueMessage, storedWamids } from './setup';

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

describe('dispatcher: sending', () => {
  it('sends once, stores the wamid everywhere it is looked up, and counts usage once', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    const result = await dispatcherFor(app).dispatchMessage(input);

    const [sent] = app.meta.sent({ phoneNumberId: account.phoneNumberId });
    expect(result).toEqual({ waMessageId: sent.wamid, reconciled: false });
    expect(sent).toMatchObject({ bizOpaqueCallbackData: input.messageId, waId: input.to.slice(1), type: 'text' });
    expect(await ledgerOf(app, input)).toMatchObject({ state: 'accepted', wa_message_id: sent.wamid, attempts: 1 });
    expect(await storedWamids(app, input)).toEqual({ message: sent.wamid, index: [sent.wamid], usage: 1 });
  });

  it('a second call for the same message sends nothing and returns the stored wamid', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    const dispatcher = dispatcherFor(app);
    const first = await dispatcher.dispatchMessage(input);
    const second = await dispatcher.dispatchMessage(input);
    expect(second).toEqual({ waMessageId: first.waMessageId, reconciled: true });
    expect(app.meta.sent({ phoneNumberId: account.phoneNumberId })).toHaveLength(1);
    expect((await storedWamids(app, input)).usage).toBe(1);
  });

  it('a 500 frees the ledger and the retry sends', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    const dispatcher = dispatcherFor(app);
    app.meta.injectFault({ kind: 'http', status: 500, times: 1, phoneNumberId: account.phoneNumberId });
    await expect(dispatcher.dispatchMessage(input)).rejects.toMatchObject({ type: 'meta_retryable', nonRetryable: false });
    expect(await ledgerOf(app, input)).toMatchObject({ state: 'pending', last_error_code: '1' });
    const result = await dispatcher.dispatchMessage(input);
    expect(app.meta.sent({ phoneNumberId: account.phoneNumberId }).map((m) => m.wamid)).toEqual([result.waMessageId]);
    expect(await ledgerOf(app, input)).toMatchObject({ state: 'accepted', attempts: 2 });
  });

  it('a 429 is retried no sooner than its Retry-After', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    app.meta.injectFault({ kind: 'http', status: 429, retryAfterSeconds: 7, times: 1, phoneNumberId: account.phoneNumberId });
    const err = await dispatcherFor(app)
      .dispatchMessage(input)
      .catch((e) => e);
    expect(err).toMatchObject({ type: 'meta_retryable', nonRetryable: false });
    expect(Number(err.nextRetryDelay)).toBeGreaterThanOrEqual(7_000);
    expect((await ledgerOf(app, input)).state).toBe('pending');
  });

  it('131047 fails at once with an explanation, and a replayed attempt does not send', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    const dispatcher = dispatcherFor(app);
    app.meta.injectFault({ kind: 'meta-error', code: 131047, async: false, times: 1, phoneNumberId: account.phoneNumberId });
    const err = await dispatcher.dispatchMessage(input).catch((e) => e);
    expect(err).toMatchObject({ type: 'meta_131047', nonRetryable: true });
    expect(err.details[0]).toMatchObject({ code: 131047, title: 'Re-engagement message', explanation: expect.stringMatching(/24 hours.*template/) });
    expect(await ledgerOf(app, input)).toMatchObject({ state: 'failed', last_error_code: '131047' });
    await expect(dispatcher.dispatchMessage(input)).rejects.toMatchObject({ type: 'meta_131047', nonRetryable: true });
    expect(app.meta.requests().filter((r) => r.operation === 'messages' && r.path.includes(account.phoneNumberId))).toHaveLength(1);
  });

  it('an expired token (190) fails and flags the account for reconnection', async () => {
    const account = await connectNumber(app, tenantId);
    const input = await queueMessage(app, tenantId, account.phoneNumberId);
    app.meta.injectFault({ kind: 'meta-error', code: 190, times: 1, phoneNumberId: account.phoneNumberId });
    await expect(dispatcherFor(app).dispatchMessage(input)).rejects.toMatchObject({ type: 'meta_190', nonRetryable: true });
    const row = await withTenant(app.db.app, tenantId, (trx) => trx('whatsapp_accounts').where({ phone_number_id: account.phoneNumberId }).first('status'));
    expect(row?.status).toBe('token_expired');
    const next = await queueMessage(app, tenantId, account.phoneNumberId);
    await expect(dispatcherFor(app).dispatchMessage(next)).rejects.toMatchObject({ type: 'meta_190', nonRetryable: true });
  });

  it('sends templates in Meta’s shape; a wrong variable count is the sender’s error (132000)', async () => {
    const account = await connectNumber(app, tenantId);
    const ok = await queueMessage(app, tenantId, account.phoneNumberId, { type: 'template', template: { name: 'hello_world', language: 'en_US', variables: [] } });
    await expect(dispatcherFor(app).dispatchMessage(ok)).resolves.toMatchObject({ reconciled: false });
    const bad = await queueMessage(app, tenantId, account.phoneNumberId, { type: 'template', template: { name: 'hello_world', language: 'en_US', variables: ['extra'] } });
    await expect(dispatcherFor(app).dispatchMessage(bad)).rejects.toMatchObject({ type: 'meta_132000', nonRetryable: true });
  });

  it('over the number’s rate, the send waits for Temporal instead of going out', async () => {
    const account = await connectNumber(app, tenantId);
    const dispatcher = dispatcherFor(app, { ratePerSecond: 1, maxRateWaitMs: 0 });
    await dispatcher.dispatchMessage(await queueMessage(app, tenantId, account.phoneNumberId));
    const second = await queueMessage(app, tenantId, account.phoneNumberId);
    const err = await dispatcher.dispatchMessage(second).catch((e) => e);
    expect(err).toMatchObject({ type: 'rate_limited', nonRetryable: false });
    expect(Number(err.nextRetryDelay)).toBeGreaterThan(0);
    expect(app.meta.sent({ phoneNumberId: account.phoneNumberId })).toHaveLength(1);
    expect((await ledgerOf(app, second)).state).toBe('pending');
  });
});
