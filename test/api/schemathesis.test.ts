import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/harness';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { inviteMember } from '../inbox/team-member';
import { runSchemathesis, type FuzzFinding } from './schemathesis-run';

/**
 * Issue 9 item 9: schemathesis over the whole API document, as a new user would run it, signed in as
 * an admin and as an agent: no server error, every status documented, valid data accepted, invalid
 * data refused. A fixed seed makes a failure replayable (`.data/test/schemathesis/<role>/`).
 */
const SEED = 20261203;
const reportRoot = join(process.env.AEROSTIC_DATA_DIR ?? join(__dirname, '..', '..', '.data', 'test'), 'schemathesis');

let app: TestApp;
let tenant: RegisteredTenant;
let agentToken: string;
beforeAll(async () => {
  // The fuzzer sends thousands of requests from one address: the auth limits would answer it 429.
  app = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000', OTP_RATE_LIMIT_PER_HOUR: '100000' } });
  tenant = await registerTenant(app.url);
  agentToken = (await inviteMember(app.url, tenant)).accessToken;
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const describeFindings = (findings: FuzzFinding[]) => findings.map((f) => `${f.operation} — ${f.check}${f.status ? ` [${f.status}]` : ''}`);

describe('schemathesis over /openapi.json', () => {
  it('finds nothing wrong as an agent', async () => {
    const result = await runSchemathesis({ url: app.url, headers: bearer(agentToken), seed: SEED, maxExamples: 15, maxSeconds: 200, reportDir: join(reportRoot, 'agent') });
    expect(result.operationsTested).toBeGreaterThan(20);
    expect(describeFindings(result.findings)).toEqual([]);
    expect(result.exitCode).toBe(0);
  }, 480_000);

  it('finds nothing wrong as an admin', async () => {
    const result = await runSchemathesis({ url: app.url, headers: bearer(tenant.accessToken), seed: SEED, maxExamples: 15, maxSeconds: 200, reportDir: join(reportRoot, 'admin') });
    expect(result.operationsTested).toBeGreaterThan(20);
    expect(describeFindings(result.findings)).toEqual([]);
    expect(result.exitCode).toBe(0);
  }, 480_000);
});
