import request from 'supertest';
import { bearer, registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { connectTestNumber } from '../support/whatsapp-factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /sandbox/info (the phone simulator)', () => {
  it("gives the Meta simulator's URL and only this workspace's connected numbers", async () => {
    const tenant = await registerTenant(app.url);
    const empty = await request(app.url).get('/sandbox/info').set(bearer(tenant.accessToken)).expect(200);
    expect(empty.body).toEqual({ metaSimulatorUrl: app.meta.url, simulatorControlToken: app.config.sandboxControlToken, numbers: [] });
    // The token the app hands the phone simulator is the one the simulator takes, from the app's origin.
    const origin = new URL(app.url).origin;
    const sent = await fetch(`${app.meta.url}/_sim/sent?phoneNumberId=1&to=1`, { headers: { origin, 'x-sandbox-control-token': empty.body.simulatorControlToken } });
    expect(sent.status).toBe(200);
    expect(sent.headers.get('access-control-allow-origin')).toBe(origin);

    const account = await connectTestNumber(app, tenant.tenant.id);
    const other = await registerTenant(app.url);
    await connectTestNumber(app, other.tenant.id);
    const res = await request(app.url).get('/sandbox/info').set(bearer(tenant.accessToken)).expect(200);
    expect(res.body.numbers).toEqual([
      { phoneNumberId: account.phoneNumberId, displayPhoneNumber: account.displayPhoneNumber, verifiedName: account.verifiedName, isDefault: true },
    ]);
  });

  it('needs a signed-in user', async () => {
    await request(app.url).get('/sandbox/info').expect(401);
  });

  it("lets the browser reach the simulator's origin, and no other", async () => {
    const csp = (await request(app.url).get('/healthz').expect(200)).headers['content-security-policy'];
    const connectSrc = csp.split(';').find((directive: string) => directive.startsWith('connect-src'));
    expect(connectSrc).toBe(`connect-src 'self' ws: wss: ${new URL(app.meta.url).origin}`);
  });
});
