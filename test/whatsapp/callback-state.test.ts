import { signConnectState } from '../../api/whatsapp/connect-state';
import { workflowIds } from '../../domain/contracts';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant, type RegisteredTenant } from '../support/factories';
import { accountsOf, browserConnectSecret, followCallback, settingsPage, startSignup, storedRows, submitDialog } from './helpers';

let app: TestApp;
let tenant: RegisteredTenant;
let other: RegisteredTenant;

beforeAll(async () => {
  app = await startTestApp();
  [tenant, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
}, 120_000);
afterAll(() => app?.stop());

const invalidState = () => `${settingsPage(app)}?error=invalid_state`;

/** A dialog approved with `state` replaced: the code is real, only the state is bad. */
async function callbackWithState(state: string | null): Promise<URL> {
  const dialog = await startSignup(app, tenant);
  if (state === null) dialog.searchParams.delete('state');
  else dialog.searchParams.set('state', state);
  return submitDialog(dialog);
}

describe('/meta/callback refuses a bad state and stores nothing', () => {
  it('tampered: the payload names another tenant under the original signature', async () => {
    const state = (await startSignup(app, tenant)).searchParams.get('state')!;
    const [header, payload, signature] = state.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, tid: other.tenant.id })).toString('base64url');
    const result = await followCallback(await callbackWithState(`${header}.${forged}.${signature}`));
    expect(result.status).toBe(302);
    expect(result.location.toString()).toBe(invalidState());
    expect(await storedRows(app, other.tenant.id)).toEqual([]);
    expect(await storedRows(app, tenant.tenant.id)).toEqual([]);
  });

  it('forged with another secret, missing, or garbage', async () => {
    for (const state of ['wrong key', null, 'not-a-jwt']) {
      const dialog = await startSignup(app, tenant);
      const forged =
        state === 'wrong key'
          ? await signConnectState(
              { ...app.config.jwt, secret: new TextEncoder().encode('x'.repeat(40)) },
              { tenantId: tenant.tenant.id, userId: tenant.user.id, browser: browserConnectSecret() },
            )
          : state;
      if (forged === null) dialog.searchParams.delete('state');
      else dialog.searchParams.set('state', forged);
      expect((await followCallback(await submitDialog(dialog))).location.toString()).toBe(invalidState());
    }
    expect(await storedRows(app, tenant.tenant.id)).toEqual([]);
  });

  it('an access token is not a state', async () => {
    const result = await followCallback(await callbackWithState(tenant.accessToken));
    expect(result.location.toString()).toBe(invalidState());
  });

  it('expired: signed more than 10 minutes ago', async () => {
    const dialog = await startSignup(app, tenant);
    const expired = await signConnectState(app.config.jwt, { tenantId: tenant.tenant.id, userId: tenant.user.id, browser: browserConnectSecret() }, Date.now() - 11 * 60_000);
    dialog.searchParams.set('state', expired);
    const result = await followCallback(await submitDialog(dialog));
    expect(result.location.toString()).toBe(invalidState());
    expect(await storedRows(app, tenant.tenant.id)).toEqual([]);
  });

  it('replayed: the second use of a state is refused, the first connection stands alone', async () => {
    const fresh = await registerTenant(app.url);
    const dialog = await startSignup(app, fresh);
    const callback = await submitDialog(dialog);
    expect((await followCallback(callback)).location.searchParams.get('connected')).toBe('1');

    const replay = await followCallback(callback);
    expect(replay.location.toString()).toBe(invalidState());
    // Replaying the state with a fresh code is refused too.
    const second = await submitDialog(dialog);
    expect((await followCallback(second)).location.toString()).toBe(invalidState());

    expect(await accountsOf(app, fresh)).toHaveLength(1);
  });

  it('bound to the browser: a valid state completed in another browser is refused and runs nothing', async () => {
    const attacker = await registerTenant(app.url);
    // The attacker starts a connect of its own workspace and has someone else's browser finish it.
    const callback = await submitDialog(await startSignup(app, attacker));
    const nonce = JSON.parse(Buffer.from(callback.searchParams.get('state')!.split('.')[1], 'base64url').toString()).jti;
    const workflowId = workflowIds.whatsappConnect(attacker.tenant.id, nonce);

    const replayed = await followCallback(callback, 'another browser');
    expect(replayed.location.toString()).toBe(invalidState());
    expect(await storedRows(app, attacker.tenant.id)).toEqual([]);
    await expect(app.temporal.workflow.getHandle(workflowId).describe()).rejects.toThrow(/not found/i);

    // The same state and code from the browser that started it still connect: only the binding refused it.
    expect((await followCallback(callback)).location.searchParams.get('connected')).toBe('1');
    expect(await accountsOf(app, attacker)).toHaveLength(1);
  });
});
