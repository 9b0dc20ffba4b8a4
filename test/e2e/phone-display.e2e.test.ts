/**
 * Issue 11 item 12: phone numbers read the same everywhere a person sees them. The business number
 * Graph hands back at connect time ("+1 555-446-0931") used to show as "++1 555-446-0931" in the phone
 * simulator. Screenshots: test-results/screenshots/phone-display-*.png.
 */
import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';

const suite = browserSuite('phone-display', { viewport: { width: 1440, height: 900 } });

let tenant: RegisteredTenant;
let phoneNumberId: string;

beforeAll(async () => {
  tenant = await registerTenant(suite.app.url);
  // Connected the way a user connects: Graph formats display_phone_number as "+1 555-446-0931".
  const account = suite.app.meta.createAccount({ displayPhoneNumber: '15554460931', verifiedName: 'Lucky Shrub' });
  phoneNumberId = account.phoneNumberId;
  const body = { wabaId: account.wabaId, phoneNumberId, accessToken: account.token };
  const connected = await request(suite.app.url).post('/whatsapp/cloud/init').set(bearer(tenant.accessToken)).send(body).expect(201);
  expect(connected.body.displayPhoneNumber).toBe('+1 555-446-0931');
}, 240_000);

test('the simulator, the inbox and Settings → WhatsApp show each number once, formatted the same way', async () => {
  const page = await suite.logIn(tenant.registration);

  await page.getByTestId('nav-simulator').click();
  await page.waitForURL(`${suite.app.url}/app/simulator`);
  await page.getByTestId('customer-phone-input').fill('+919812345678');
  await page.getByTestId('customer-apply').click();
  const phone = page.getByTestId('phone');
  await phone.getByText('Business account').waitFor();
  await suite.shot(page, 'simulator');
  expect(await page.locator('body').innerText()).not.toContain('++');
  expect(await phone.innerText()).toContain('+1 555-446-0931 · Business account');
  expect(await phone.innerText()).toContain('(+91 98123 45678)');

  await suite.app.meta.customer(phoneNumberId).send({ waId: '919812345678', name: 'Kavya Menon' }, 'Hello, are you open today?');
  await page.getByTestId('nav-inbox').click();
  const row = page.locator('[data-testid=conversation-row][data-phone="+919812345678"]');
  await row.waitFor();
  expect(await row.innerText()).toContain('+91 98123 45678');
  await row.click();
  const header = page.getByTestId('conversation-header');
  await header.waitFor();
  expect(await header.innerText()).toContain('+91 98123 45678');
  await suite.shot(page, 'inbox');

  await page.goto(`${suite.app.url}/app/settings/whatsapp`);
  const table = page.getByText('+1 555-446-0931', { exact: true });
  await table.waitFor();
  expect(await page.locator('body').innerText()).not.toContain('++');
  await suite.shot(page, 'settings');
});
