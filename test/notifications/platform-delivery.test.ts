import request from 'supertest';
import { platformTemplates } from '../../domain/platform-templates';
import { provisionPlatformNumber } from '../../sandbox/platform-number';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/harness';
import { latestOtp, newRegistration, registerTenant } from '../support/factories';

const PLATFORM = { phoneNumberId: '100000000000777', waToken: 'EAAGplatformTestToken0123456789' };

// A trial of seconds, so a reminder is due while the test watches (production: 2 and 1 days of 7).
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    env: { PLATFORM_PHONE_NUMBER_ID: PLATFORM.phoneNumberId, PLATFORM_WA_TOKEN: PLATFORM.waToken },
    trial: { durationMs: 8_000, reminderOffsetsMs: [5_000] },
  });
  await provisionPlatformNumber(app.meta, PLATFORM);
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

const platformSends = (phone: string) => app.meta.sent({ phoneNumberId: PLATFORM.phoneNumberId }).filter((m) => m.waId === phone.slice(1));
type TemplateBody = { template: { name: string; language: { code: string }; components: { type: string; sub_type?: string; parameters: { text: string }[] }[] } };

describe('platform notifications are sent from the platform number through the dispatcher', () => {
  it('sends the sign-up code as the approved authentication template: the code in the body and the copy-code button', async () => {
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const code = await latestOtp(app.url, registration.phone);

    const [sent] = await eventually(async () => {
      const found = platformSends(registration.phone);
      expect(found).toHaveLength(1);
      return found;
    });
    const { template } = sent.body as unknown as TemplateBody;
    expect(template.name).toBe(platformTemplates.otp.name);
    expect(template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: code }] },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: code }] },
    ]);
    const row = await eventually(async () => {
      const r = await app.db.system('platform_notifications').where({ to_phone: registration.phone, kind: 'otp' }).first();
      expect(r?.status).toBe('sent');
      return r;
    });
    expect(row?.wa_message_id).toBe(sent.wamid);
  });

  it('retries a send Meta failed (503) and sends it exactly once', async () => {
    app.meta.injectFault({ kind: 'http', status: 503, times: 1, operation: 'messages', phoneNumberId: PLATFORM.phoneNumberId });
    const registration = newRegistration();
    await request(app.url).post('/auth/register/initiate').send(registration).expect(202);
    const row = await eventually(async () => {
      const r = await app.db.system('platform_notifications').where({ to_phone: registration.phone }).first();
      expect(r?.status).toBe('sent');
      return r;
    }, 30_000);
    expect(row?.last_error_code).toEqual(expect.any(String));
    const failed = app.meta.requests().filter((r) => r.operation === 'messages' && r.path.includes(PLATFORM.phoneNumberId) && r.status === 503);
    expect(failed).toHaveLength(1);
    expect(platformSends(registration.phone)).toHaveLength(1);
    // The code still works: delivery and sign-up are independent of each other's timing.
    await request(app.url)
      .post('/auth/register')
      .send({ ...registration, otp: await latestOtp(app.url, registration.phone) })
      .expect(201);
  });

  it("sends the trial reminder to the admin's (sealed) phone as the approved utility template", async () => {
    const tenant = await registerTenant(app.url);
    const reminder = await eventually(async () => {
      const found = platformSends(tenant.registration.phone).filter((m) => (m.body as unknown as TemplateBody).template.name === platformTemplates.trialReminder.name);
      expect(found).toHaveLength(1);
      return found[0];
    }, 30_000);
    expect((reminder.body as unknown as TemplateBody).template.components[0].parameters[0].text).toMatch(/^\d+ days?$/);
  });

  it('the phone simulator can show the code: /sandbox/info lists the platform number, and its sends to the phone carry the code', async () => {
    const tenant = await registerTenant(app.url);
    const info = await request(app.url).get('/sandbox/info').set('Authorization', `Bearer ${tenant.accessToken}`).expect(200);
    expect(info.body.numbers).toEqual([expect.objectContaining({ phoneNumberId: PLATFORM.phoneNumberId, platform: true, isDefault: false })]);

    const code = await latestOtp(app.url, tenant.registration.phone);
    const query = new URLSearchParams({ phoneNumberId: PLATFORM.phoneNumberId, to: tenant.registration.phone.slice(1) });
    // As the web app's phone simulator asks: from the app's origin, with the control token /sandbox/info gave it.
    const headers = { origin: new URL(app.url).origin, 'x-sandbox-control-token': info.body.simulatorControlToken };
    const shown = (await (await fetch(`${info.body.metaSimulatorUrl}/_sim/sent?${query}`, { headers })).json()) as { data: { preview: { text?: string } }[] };
    expect(shown.data.map((m) => m.preview.text)).toEqual(expect.arrayContaining([expect.stringContaining(code)]));
  });
});
