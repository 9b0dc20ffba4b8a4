import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import request from 'supertest';
import { workflowIds } from '../../domain/contracts';
import { createTemporalClient } from '../../infra/temporal/client';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { dataJson, metadataText, payloadsIn, rawHistory, signedInPlatformAdmin, toJsonPayload, type JsonPayload, type PlatformAdmin } from './helpers';

// Two keys: k2 encrypts now; k1 is the key before a rotation, still listed so its payloads decode.
const oldKey = { id: 'k1', key: randomBytes(32) };
const newKey = { id: 'k2', key: randomBytes(32) };
const SECRET = `door code ${randomBytes(6).toString('hex')}`;

let app: TestApp;
let clientBeforeRotation: Client;
let admin: PlatformAdmin;
let tenant: RegisteredTenant;
let history: temporal.api.history.v1.IHistory;

beforeAll(async () => {
  app = await startTestApp({ env: { ENCRYPTION_KEY: [newKey, oldKey].map((k) => `${k.id}:${k.key.toString('base64')}`).join(',') } });
  clientBeforeRotation = await createTemporalClient(app.config.temporal, [oldKey]);
  admin = await signedInPlatformAdmin(app);

  // Sign-up starts trialWorkflow through the API's client (key k2). A client still on the old key
  // then signals it with personal data (the stand-in for message text and phone numbers; the
  // trial ignores the argument), and the worker, holding both keys, must read both to finish.
  tenant = await registerTenant(app.url);
  const workflowId = workflowIds.trial(tenant.tenant.id);
  await clientBeforeRotation.workflow.getHandle(workflowId).signal<[unknown]>('converted', {
    note: SECRET,
    customerPhone: tenant.registration.phone,
    customerName: tenant.registration.name,
  });
  const result = await app.temporal.workflow.getHandle(workflowId).result();
  expect(result.phase).toBe('converted');
  history = await rawHistory(app, workflowId);
});

afterAll(async () => {
  await clientBeforeRotation?.connection.close();
  await app?.stop();
});

describe('payloads in Temporal history', () => {
  it('are all encrypted, by the client, the old client and the worker, and name their key', () => {
    const payloads = payloadsIn(history.events);
    // start input, signal input, activity input and result, workflow result
    expect(payloads.length).toBeGreaterThanOrEqual(5);
    const json = payloads.map(toJsonPayload);
    expect(json.map((p) => metadataText(p, 'encoding'))).toEqual(json.map(() => 'binary/encrypted'));
    expect(new Set(json.map((p) => metadataText(p, 'encryption-key-id')))).toEqual(new Set(['k1', 'k2']));

    const signaled = history.events!.find((e) => e.workflowExecutionSignaledEventAttributes)!;
    expect(metadataText(toJsonPayload(signaled.workflowExecutionSignaledEventAttributes!.input!.payloads![0]), 'encryption-key-id')).toBe('k1');
  });

  it('hold no plaintext anywhere in the stored history: secret, phone, name, payload contents', () => {
    const stored = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    for (const clear of [SECRET, tenant.registration.phone, tenant.registration.name, '"phase"', 'trialEndsAt']) {
      expect({ clear, found: stored.includes(clear) }).toEqual({ clear, found: false });
    }
    // The tenant id is in the workflow id and the search attributes on purpose (they are indexed,
    // never encoded); it is in no payload, nor is any payload's original encoding.
    const payloadBytes = Buffer.concat(payloadsIn(history.events).flatMap((p) => [Buffer.from(p.data ?? []), ...Object.values(p.metadata ?? {}).map((v) => Buffer.from(v))]));
    for (const clear of [tenant.tenant.id, 'json/plain', 'binary/null']) expect({ clear, found: payloadBytes.includes(clear) }).toEqual({ clear, found: false });
  });
});

describe('the codec endpoint gives a platform admin the plaintext back', () => {
  const decode = () => request(app.url).post('/codec/decode').set('X-Namespace', app.config.temporal.namespace);

  it('decodes the whole history, old-key payloads included', async () => {
    const encoded = payloadsIn(history.events).map(toJsonPayload);
    const res = await decode().set(bearer(admin.accessToken)).send({ payloads: encoded }).expect(200);
    const decoded: JsonPayload[] = res.body.payloads;
    expect(decoded).toHaveLength(encoded.length);
    expect(decoded.map((p) => metadataText(p, 'encoding'))).not.toContain('binary/encrypted');
    const values = decoded.filter((p) => metadataText(p, 'encoding') === 'json/plain').map(dataJson);
    expect(values).toContainEqual({ note: SECRET, customerPhone: tenant.registration.phone, customerName: tenant.registration.name });
    expect(values).toContainEqual(expect.objectContaining({ tenantId: tenant.tenant.id, trialEndsAt: expect.any(String) }));
    expect(values).toContainEqual(expect.objectContaining({ phase: 'converted' }));
  });

  it('refuses the same request without a token and with a tenant admin token', async () => {
    const encoded = payloadsIn(history.events).map(toJsonPayload);
    const anonymous = await decode().send({ payloads: encoded }).expect(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
    expect(tenant.user.role).toBe('admin');
    const tenantAdmin = await decode().set(bearer(tenant.accessToken)).send({ payloads: encoded }).expect(401);
    expect(tenantAdmin.body.error.code).toBe('token_invalid');
    expect(JSON.stringify([anonymous.body, tenantAdmin.body])).not.toContain(SECRET);
  });
});
