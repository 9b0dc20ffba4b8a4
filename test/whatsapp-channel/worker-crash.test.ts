import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

// The worker runs as a real child process here, so the test can kill -9 it mid-send.
let app: TestApp;
let tenant: RegisteredTenant;
let phoneNumberId: string;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'worker', 'main.ts')], {
    cwd: join(__dirname, '..', '..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      TEMPORAL_TASK_QUEUE_PREFIX: app.config.temporal.taskQueuePrefix,
      META_GRAPH_URL: app.meta.url,
      RAZORPAY_BASE_URL: app.razorpay.url,
      AEROSTIC_SANDBOX: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  workers.push(child);
  return child;
}

beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  tenant = await registerTenant(app.url);
  phoneNumberId = (await connectTestNumber(app, tenant.tenant.id)).phoneNumberId;
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await app?.meta.idle();
  await app?.stop();
});

it('kill -9 of the worker while Meta is answering a send: the retry reconciles, Meta gets the message once', async () => {
  startWorker();
  const waId = customerWaId();
  await app.meta.customer(phoneNumberId).send(waId, 'hello, are you open?');
  await eventually(async () => {
    const rows = await app.db.system('conversations').where({ tenant_id: tenant.tenant.id }).whereNotNull('last_inbound_at');
    expect(rows.length).toBe(1);
  }, 60_000);

  // Meta takes 3 s to answer; the worker dies 1 s into the call, after Meta has the request.
  app.meta.injectFault({ kind: 'delay', ms: 3000, times: 1, operation: 'messages', phoneNumberId });
  const res = await request(app.url)
    .post('/messages/send')
    .set(bearer(tenant.accessToken))
    .send({ to: `+${waId}`, type: 'text', text: { body: 'Yes, until 9pm' } })
    .expect(202);
  await eventually(async () => expect((await app.db.system('message_sends').where({ message_id: res.body.messageId }).first())?.state).toBe('in_flight'), 20_000, 20);
  await new Promise((r) => setTimeout(r, 1000));
  workers[0].kill('SIGKILL');
  await new Promise((r) => workers[0].once('exit', r));

  startWorker();
  const final = await eventually(
    async () => {
      const row = (await app.db.system('messages').where({ id: res.body.messageId }).first())!;
      expect(row.status).toBe('read');
      return row;
    },
    90_000,
    250,
  );
  expect(final.wa_message_id).toMatch(/^wamid\./);
  const ledger = await app.db.system('message_sends').where({ message_id: res.body.messageId }).first();
  expect(ledger?.state).toBe('accepted');
  await app.meta.idle();
  expect(app.meta.sent({ to: waId }).filter((m) => m.bizOpaqueCallbackData === res.body.messageId)).toHaveLength(1);
}, 150_000);
