import request from 'supertest';
import { recordUsage } from '../../db/billing/usage';
import { withTenant } from '../../db/tenant-transaction';
import { dailyMetricsScheduleId } from '../../worker/schedules';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant } from '../support/factories';
import { payAndStart, subscribe, waitForStatus } from './helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('plans, usage and limits', () => {
  it('lists the three plans with prices and limits', async () => {
    const res = await request(app.url).get('/billing/plans').expect(200);
    expect(res.body.data.map((p: { id: string; amount: number }) => [p.id, p.amount])).toEqual([
      ['starter', 999],
      ['growth', 2499],
      ['pro', 3999],
    ]);
    expect(res.body.data[0].limits).toEqual({ messagesPerMonth: 5000, aiRepliesPerMonth: 1000, agents: 3, broadcastsPerDay: 2 });
  });

  it('the agents limit of the plan refuses an invite with 402 limit_reached, and writes nothing', async () => {
    const tenant = await registerTenant(app.url);
    await payAndStart(app, await subscribe(app, tenant, 'starter'));
    await waitForStatus(app, tenant, 'active');

    for (const n of [1, 2]) {
      await request(app.url)
        .post('/users/invite')
        .set(bearer(tenant.accessToken))
        .send({ email: `agent${n}.${tenant.tenant.id}@example.com`, name: `Agent ${n}`, role: 'agent' })
        .expect(201);
    }
    const email = `agent3.${tenant.tenant.id}@example.com`;
    const refused = await request(app.url).post('/users/invite').set(bearer(tenant.accessToken)).send({ email, name: 'Agent 3', role: 'agent' }).expect(402);
    expect(refused.body.error).toMatchObject({ code: 'limit_reached', details: [{ path: 'agents', message: expect.stringContaining('limit 3') }] });
    expect(await app.db.system('users').where({ email }).first()).toBeUndefined();

    const usage = (await request(app.url).get('/billing/usage').set(bearer(tenant.accessToken)).expect(200)).body;
    expect(usage).toMatchObject({ planId: 'starter', usage: { agents: 3 }, limits: { agents: 3 } });
  });

  it('the usage ledger is append-only and idempotent by key', async () => {
    const tenant = await registerTenant(app.url);
    const entry = { tenantId: tenant.tenant.id, kind: 'message_outbound' as const, idempotencyKey: 'msg-1' };
    expect(await withTenant(app.db.app, tenant.tenant.id, (trx) => recordUsage(trx, entry))).toBe(true);
    expect(await withTenant(app.db.app, tenant.tenant.id, (trx) => recordUsage(trx, entry))).toBe(false);
    await expect(withTenant(app.db.app, tenant.tenant.id, (trx) => trx('usage_events').update({ quantity: 99 }))).rejects.toThrow(/permission denied/);
    await expect(withTenant(app.db.app, tenant.tenant.id, (trx) => trx('usage_events').delete())).rejects.toThrow(/permission denied/);
    const usage = (await request(app.url).get('/billing/usage').set(bearer(tenant.accessToken)).expect(200)).body;
    expect(usage.usage.messagesThisMonth).toBe(1);
  });

  it('the daily-metrics Temporal Schedule rolls the ledger up', async () => {
    const tenant = await registerTenant(app.url);
    await withTenant(app.db.app, tenant.tenant.id, async (trx) => {
      await recordUsage(trx, { tenantId: tenant.tenant.id, kind: 'message_outbound', idempotencyKey: 'a', quantity: 3 });
      await recordUsage(trx, { tenantId: tenant.tenant.id, kind: 'ai_reply', idempotencyKey: 'b' });
    });
    await app.temporal.schedule.getHandle(dailyMetricsScheduleId(app.config)).trigger();
    let rows: Array<{ metric: string; value: string }> = [];
    for (let i = 0; i < 100 && rows.length < 2; i++) {
      rows = await app.db.system('daily_metrics').where({ tenant_id: tenant.tenant.id }).orderBy('metric').select('metric', 'value');
      if (rows.length < 2) await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows).toEqual([
      { metric: 'ai_reply', value: '1' },
      { metric: 'message_outbound', value: '3' },
    ]);
  });
});
