import request from 'supertest';
import { defaultAiSettings } from '../../domain/ai';
import type { TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTwoWorkspaces } from '../inbox/team-member';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let agentToken: string;
beforeAll(async () => ({ app, tenant, other, agentToken } = await startTwoWorkspaces()));
afterAll(() => app?.stop());

const get = (token = tenant.accessToken) => request(app.url).get('/ai/settings').set(bearer(token));
const put = (body: object, token = tenant.accessToken) => request(app.url).put('/ai/settings').set(bearer(token)).send(body);
const storedRow = async (tenantId: string) => (await app.db.system('ai_settings').where({ tenant_id: tenantId }).first())!;

const hours = { timezone: 'Asia/Kolkata', days: { mon: { open: '09:00', close: '18:00' }, sat: { open: '10:00', close: '14:00' } } };

describe('AI settings', () => {
  it('are the defaults before anything is saved, for admins and agents alike', async () => {
    const fresh = await registerTenant(app.url);
    expect((await get(fresh.accessToken).expect(200)).body).toEqual(defaultAiSettings);
    expect((await get(agentToken).expect(200)).body).toEqual((await get().expect(200)).body);
    expect(await storedRow(fresh.tenant.id)).toBeUndefined();
  });

  it('saves a full update and reads it back, the threshold as a number', async () => {
    const settings = {
      enabled: true,
      persona: 'You are Meera, the friendly assistant of Acme Sweets.',
      confidenceThreshold: 0.85,
      maxRepliesPerConversation: 3,
      blockedIntents: ['Refund', ' legal ', 'cancel_order', 'refund'],
      activeHours: 'outside_business_hours',
      businessHours: hours,
      handoffMessage: 'A teammate will reply shortly.',
      outOfHoursMessage: 'We are closed now and reply in the morning.',
    };
    const saved = await put(settings).expect(200);
    const expected = { ...settings, blockedIntents: ['refund', 'legal', 'cancel_order'] };
    expect(saved.body).toEqual(expected);
    expect((await get().expect(200)).body).toEqual(expected);
    const row = await storedRow(tenant.tenant.id);
    expect(row).toMatchObject({ enabled: true, max_replies_per_conversation: 3, active_hours: 'outside_business_hours', business_hours: hours });
    expect(Number(row.confidence_threshold)).toBe(0.85);
  });

  it('merges a partial update into what is stored', async () => {
    await put({ enabled: true, persona: 'Be brief.', confidenceThreshold: 0.6 }).expect(200);
    const res = await put({ confidenceThreshold: 0.9 }).expect(200);
    expect(res.body).toMatchObject({ enabled: true, persona: 'Be brief.', confidenceThreshold: 0.9 });
    expect((await put({ enabled: false }).expect(200)).body).toMatchObject({ enabled: false, persona: 'Be brief.', confidenceThreshold: 0.9 });
  });

  it('refuses following business hours that were never set, and nothing changes', async () => {
    const fresh = await registerTenant(app.url);
    const res = await put({ activeHours: 'within_business_hours' }, fresh.accessToken).expect(422);
    expect(res.body.error).toMatchObject({ code: 'unprocessable', details: [{ path: 'businessHours', message: expect.stringContaining('within_business_hours') }] });
    expect(await storedRow(fresh.tenant.id)).toBeUndefined();

    await put({ activeHours: 'within_business_hours', businessHours: hours }, fresh.accessToken).expect(200);
    const cleared = await put({ businessHours: null }, fresh.accessToken).expect(422);
    expect(cleared.body.error.code).toBe('unprocessable');
    expect((await get(fresh.accessToken).expect(200)).body).toMatchObject({ activeHours: 'within_business_hours', businessHours: hours });
  });

  it('answers bad values with the validation shape', async () => {
    const cases: [object, string][] = [
      [{ confidenceThreshold: 1.5 }, 'confidenceThreshold'],
      [{ maxRepliesPerConversation: -1 }, 'maxRepliesPerConversation'],
      [{ enabled: 'yes' }, 'enabled'],
      [{ activeHours: 'sometimes' }, 'activeHours'],
      [{ businessHours: { timezone: 'Mars/Olympus', days: {} } }, 'businessHours.timezone'],
    ];
    for (const [body, path] of cases) {
      const res = await put(body).expect(400);
      expect({ body, error: res.body.error }).toEqual({
        body,
        error: { code: 'validation_failed', message: expect.any(String), details: expect.arrayContaining([expect.objectContaining({ path })]) },
      });
    }
  });

  it('answers a day that closes before it opens with 422 (a rule the schema cannot state), and keeps the old hours', async () => {
    const before = (await get().expect(200)).body;
    const res = await put({ businessHours: { timezone: 'UTC', days: { mon: { open: '18:00', close: '09:00' } } } }).expect(422);
    expect(res.body.error).toEqual({
      code: 'unprocessable',
      message: expect.any(String),
      details: [{ path: 'businessHours.days.mon.close', message: 'open must be before close' }],
    });
    expect((await get().expect(200)).body).toEqual(before);
  });

  it('only admins change them', async () => {
    const before = (await get().expect(200)).body;
    const res = await put({ enabled: !before.enabled }, agentToken).expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await get().expect(200)).body).toEqual(before);
    await request(app.url).get('/ai/settings').expect(401);
  });

  it("one tenant's settings never show in another's", async () => {
    await put({ persona: 'Tenant A secret persona' }).expect(200);
    const theirs = await get(other.accessToken).expect(200);
    expect(theirs.body).toEqual(defaultAiSettings);
    await put({ persona: 'Tenant B persona' }, other.accessToken).expect(200);
    expect((await get().expect(200)).body.persona).toBe('Tenant A secret persona');
  });
});
