import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import request from 'supertest';
import { workflowIds } from '../../domain/contracts';
import { findTenant } from '../../db/tenants/tenants';
import { withTenant } from '../../db/tenant-transaction';
import { eventually } from '../support/eventually';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { dataJson, metadataText, rawHistory, signedInPlatformAdmin, toJsonPayload } from './helpers';

const REFUSAL = 'refusing an unencrypted payload';
let app: TestApp;
let tenant: RegisteredTenant;
let history: temporal.api.history.v1.IHistory;
let failure: temporal.api.failure.v1.IFailure;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await registerTenant(app.url);
  const workflowId = workflowIds.trial(tenant.tenant.id);
  // The attacker: someone who can reach the Temporal frontend, with the stock SDK and no codec.
  const connection = await Connection.connect({ address: app.config.temporal.address });
  try {
    await new Client({ connection, namespace: app.config.temporal.namespace }).workflow.getHandle(workflowId).signal('converted', { by: 'raw client' });
  } finally {
    await connection.close();
  }
  // The worker picks up the signal and fails the workflow task on the plaintext payload.
  history = await eventually(
    async () => {
      const events = await rawHistory(app, workflowId);
      expect(events.events!.some((e) => e.workflowTaskFailedEventAttributes)).toBe(true);
      return events;
    },
    30_000,
    250,
  );
  failure = history.events!.find((e) => e.workflowTaskFailedEventAttributes)!.workflowTaskFailedEventAttributes!.failure!;
});

afterAll(async () => {
  await app?.stop();
});

describe('a plaintext signal from a client without the codec', () => {
  it('is not obeyed: the trial is not converted and the workflow keeps running', async () => {
    const signaled = history.events!.findIndex((e) => e.workflowExecutionSignaledEventAttributes);
    const failed = history.events!.findIndex((e) => e.workflowTaskFailedEventAttributes);
    expect(signaled).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(signaled);
    expect(history.events!.some((e) => e.activityTaskScheduledEventAttributes)).toBe(false);
    const row = await withTenant(app.db.app, tenant.tenant.id, (trx) => findTenant(trx, tenant.tenant.id));
    expect(row).toMatchObject({ trialConvertedAt: null, trialActive: true });
    const described = await app.temporal.workflow.getHandle(workflowIds.trial(tenant.tenant.id)).describe();
    expect(described.status.name).toBe('RUNNING');
  });

  it('leaves a failure whose message and stack trace are sealed in the stored history', async () => {
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace ?? '').toBe('');
    expect(metadataText(toJsonPayload(failure.encodedAttributes!), 'encoding')).toBe('binary/encrypted');
    const stored = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    for (const clear of [REFUSAL, 'encryption-codec', '.ts:', 'at ']) {
      expect({ clear, found: stored.includes(clear) }).toEqual({ clear, found: false });
    }
  });

  it('the refusal is readable to a platform admin through the codec endpoint', async () => {
    const admin = await signedInPlatformAdmin(app);
    const res = await request(app.url)
      .post('/codec/decode')
      .set(bearer(admin.accessToken))
      .send({ payloads: [toJsonPayload(failure.encodedAttributes!)] })
      .expect(200);
    const attributes = dataJson(res.body.payloads[0]) as { message: string; stack_trace: string };
    expect(attributes.message).toContain(REFUSAL);
    expect(attributes.stack_trace).toContain('encryption-codec');
  });
});
