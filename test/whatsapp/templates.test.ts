import request from 'supertest';
import { graphClient } from '../../sandbox/meta/testing/graph-client';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { connectTestNumber } from '../support/whatsapp-factories';
import { inviteMember } from '../inbox/team-member';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;
let account: Awaited<ReturnType<typeof connectTestNumber>>;
let call: ReturnType<typeof graphClient>;
beforeAll(async () => {
  app = await startTestApp();
  call = graphClient(app.meta.url, app.meta.graphVersion);
  [tenant, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
  account = await connectTestNumber(app, tenant.tenant.id);
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

const templates = (query: Record<string, string> = {}, token = tenant.accessToken) => request(app.url).get('/whatsapp/templates').query(query).set(bearer(token));

/** Creates a template in the number's WABA the way Business Manager would; Meta's review follows. */
async function createTemplate(acct: { wabaId: string; token: string }, name: string, body: string, example: string[] = []) {
  const components = [{ type: 'BODY', text: body, ...(example.length ? { example: { body_text: [example] } } : {}) }];
  const res = await call('POST', `${acct.wabaId}/message_templates`, { token: acct.token, json: { name, language: 'en_US', category: 'UTILITY', components } });
  if (res.status !== 200) throw new Error(`template create failed: ${res.text}`);
  return res.json.id as string;
}

const helloWorld = {
  name: 'hello_world',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
    { type: 'BODY', text: expect.stringContaining('Welcome and congratulations') },
    { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
  ],
  variables: 0,
};

describe('GET /whatsapp/templates', () => {
  beforeAll(async () => {
    await createTemplate(account, 'order_update', 'Hi {{1}}, order {{2}} ships today. Thanks, {{1}}!', ['Asha', '#1042']);
    await createTemplate(account, 'please_reject_me', 'Rejected {{1}}', ['x']);
    const paused = await createTemplate(account, 'paused_offer', 'Offer for {{1}}', ['Asha']);
    await app.meta.idle();
    await app.meta.setTemplateStatus(paused, 'PAUSED');
    await app.meta.idle();
  });

  it("lists the number's approved templates with their variable count, sorted by name", async () => {
    const res = await templates({ phoneNumberId: account.phoneNumberId }).expect(200);
    expect(res.body.data).toEqual([
      helloWorld,
      {
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} ships today. Thanks, {{1}}!', example: { body_text: [['Asha', '#1042']] } }],
        variables: 2,
      },
    ]);
  });

  it('reads the default number when none is given, and agents may read', async () => {
    const agent = await inviteMember(app.url, tenant);
    const res = await templates({}, agent.accessToken).expect(200);
    expect(res.body.data.map((t: { name: string }) => t.name)).toEqual(['hello_world', 'order_update']);
  });

  it('follows Meta’s pages to the end', async () => {
    const owner = await registerTenant(app.url);
    const big = await connectTestNumber(app, owner.tenant.id);
    const names = Array.from({ length: 130 }, (_, i) => `promo_${String(i).padStart(3, '0')}`);
    for (const name of names) await createTemplate(big, name, 'Plain text');
    await app.meta.idle();
    const res = await templates({ phoneNumberId: big.phoneNumberId }, owner.accessToken).expect(200);
    expect(res.body.data.map((t: { name: string }) => t.name)).toEqual(['hello_world', ...names]);
    // The first tenant's number shows none of them.
    expect((await templates({ phoneNumberId: account.phoneNumberId }).expect(200)).body.data).toHaveLength(2);
  });

  it('404 for a number that is not connected to the workspace, including another tenant’s', async () => {
    const unknown = await templates({ phoneNumberId: '123456789012' }).expect(404);
    expect(unknown.body.error).toEqual({ code: 'not_found', message: 'No WhatsApp number with this id is connected to the workspace' });
    const theirs = await templates({ phoneNumberId: account.phoneNumberId }, other.accessToken).expect(404);
    expect(JSON.stringify(theirs.body)).not.toContain('order_update');
  });

  it('422 when the workspace has no number, 400 for a malformed id', async () => {
    expect((await templates({}, other.accessToken).expect(422)).body.error.code).toBe('no_whatsapp_number');
    const bad = await templates({ phoneNumberId: 'abc' }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'phoneNumberId', message: 'must be the numeric phone number id' }] });
  });

  it('502 when Meta is failing, 422 when Meta no longer accepts the token', async () => {
    app.meta.injectFault({ kind: 'http', status: 503, operation: 'message_templates', times: 1 });
    const down = await templates({ phoneNumberId: account.phoneNumberId }).expect(502);
    // 5xx messages are the error handler's generic one (SPEC §3); the code says what happened.
    expect(down.body.error.code).toBe('whatsapp_meta_unavailable');
    expect((await templates({ phoneNumberId: account.phoneNumberId }).expect(200)).body.data).toHaveLength(2);

    const owner = await registerTenant(app.url);
    const expiring = await connectTestNumber(app, owner.tenant.id);
    app.meta.expireToken(expiring.token);
    const expired = await templates({ phoneNumberId: expiring.phoneNumberId }, owner.accessToken).expect(422);
    expect(expired.body.error.code).toBe('whatsapp_token_invalid');
    expect(JSON.stringify(expired.body)).not.toContain(expiring.token);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await request(app.url).get('/openapi.json').expect(200)).body;
    expect(doc.paths['/whatsapp/templates'].get).toBeDefined();
  });
});
