/**
 * "Send invite" while the mail server is down: the invitation is kept, the page says the email
 * failed and shows the link to pass on. Screenshot: test-results/screenshots/invite-mail-down.png.
 */
import request from 'supertest';
import { bearer, registerTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

// Nothing listens on port 1 of loopback: every SMTP connection is refused.
const suite = browserSuite('invite', { app: { withoutWorker: true, env: { SMTP_URL: 'smtp://127.0.0.1:1' } } });

test('a failed invitation email is said plainly, and the saved invitation’s link is shown instead', async () => {
  const owner = await registerTenant(suite.app.url);
  const page = await suite.logIn(owner.registration, { path: '/app/settings/team' });

  const invitee = `offline.${Date.now()}@example.com`;
  await page.getByTestId('invite-name-input').fill('Ravi Kumar');
  await page.getByTestId('invite-email-input').fill(invitee);
  await page.getByTestId('invite-submit').click();
  const result = page.getByTestId('invite-result');
  await result.waitFor();
  expect(await result.innerText()).toContain('the email could not be sent');
  expect(await page.getByTestId('invite-email-status').innerText()).toContain('share this link with them yourself');
  const link = await page.getByTestId('invite-url').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
  await suite.shot(page, 'mail-down');

  // The invitation exists and its link works.
  await page.getByTestId(`member-row-${invitee}`).filter({ hasText: 'invited' }).waitFor();
  const token = link.split('/invite/')[1];
  await request(suite.app.url).post('/auth/invite/lookup').send({ token }).expect(200);
  const team = await request(suite.app.url).get('/users').set(bearer(owner.accessToken)).expect(200);
  expect(team.body.data.find((m: { email: string }) => m.email === invitee)).toMatchObject({ status: 'invited' });
});
