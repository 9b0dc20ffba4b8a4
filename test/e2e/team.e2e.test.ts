/**
 * Settings → Team in a real browser: the members table, an invitation, a role change and a
 * deactivation, each reflected in its row. Screenshots: test-results/screenshots/team-*.png.
 */
import request from 'supertest';
import { bearer, registerTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('team', { app: { withoutWorker: true } });

test('members are listed, invited, given a role and deactivated from their row', async () => {
  const tenant = await registerTenant(suite.app.url);
  const { email } = tenant.registration;
  const page = await suite.logIn(tenant.registration, { path: '/app/settings/team' });

  const self = page.getByTestId(`member-row-${email}`);
  await self.waitFor();
  expect(await self.innerText()).toContain('(you)');
  expect(await self.getByTestId('member-role').isDisabled()).toBe(true);
  expect(await self.getByTestId('member-deactivate').count()).toBe(0);

  const invitee = `asha.${Date.now()}@example.com`;
  await page.getByTestId('invite-name-input').fill('Asha Agent');
  await page.getByTestId('invite-email-input').fill(invitee);
  await page.getByTestId('invite-submit').click();
  await page.getByTestId('invite-url').waitFor();
  const row = page.getByTestId(`member-row-${invitee}`);
  await row.filter({ hasText: 'invited' }).waitFor();

  await row.getByTestId('member-role').selectOption('admin');
  await page.waitForFunction(
    (id) => (document.querySelector(`[data-testid="member-row-${id}"] [data-testid=member-role]`) as HTMLSelectElement | null)?.value === 'admin',
    invitee,
  );

  await row.getByTestId('member-deactivate').click();
  await row.getByTestId('member-reactivate').waitFor();
  expect(await row.getAttribute('class')).toContain('is-muted');
  expect(await row.getByTestId('member-role').isDisabled()).toBe(true);
  await suite.shot(page, 'members');

  // The rows showed what the server stored.
  const listed = await request(suite.app.url).get('/users').set(bearer(tenant.accessToken)).expect(200);
  expect(listed.body.data.find((m: { email: string }) => m.email === invitee)).toMatchObject({ name: 'Asha Agent', role: 'admin', status: 'deactivated' });
});
