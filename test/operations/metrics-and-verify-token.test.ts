import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/harness';

const METRICS_TOKEN = randomBytes(24).toString('base64url');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true, env: { METRICS_TOKEN } });
});
afterAll(async () => {
  await app?.stop();
});

describe('/metrics behind METRICS_TOKEN', () => {
  it('refuses a scrape without the token, with another one, or with the token in the wrong scheme', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', `Bearer ${METRICS_TOKEN.slice(0, -1)}`, `Basic ${METRICS_TOKEN}`]) {
      const req = request(app.url).get('/metrics');
      const res = await (authorization ? req.set('Authorization', authorization) : req).expect(401);
      expect(res.body.error.code).toBe('unauthenticated');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(res.text).not.toContain('aerostic_http_request_duration_seconds');
    }
  });

  it('answers Prometheus text to the bearer of the token', async () => {
    const res = await request(app.url).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('aerostic_http_request_duration_seconds');
  });
});

describe("Meta's webhook subscription check", () => {
  const verify = (token: string) => request(app.url).get('/webhooks/meta').query({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': 'challenge-42' });

  it('echoes the challenge for the verify token, and refuses a prefix, a longer token and another case', async () => {
    const token = app.config.meta.webhookVerifyToken;
    const ok = await verify(token).expect(200);
    expect(ok.text).toBe('challenge-42');
    for (const wrong of [token.slice(0, -1), `${token}x`, token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(), '']) {
      const refused = await verify(wrong).expect(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect(refused.text).not.toContain('challenge-42');
    }
  });
});
