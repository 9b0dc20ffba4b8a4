/**
 * Issue 11 item 12: phone numbers read the same everywhere a person sees them. The business number
 * Graph hands back at connect time ("+1 555-446-0931") used to show as "++1 555-446-0931" in the phone
 * simulator. Screenshots: test-results/screenshots/phone-display-*.png.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { SCREENSHOTS, launchBrowser } from '../support/browser';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let browser: Browser;
let context: BrowserContext | undefined;
let tenant: RegisteredTenant;
let phoneNumberId: string;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  tenant = await registerTenant(app.url);
  // Connected the way a user connects: Graph formats display_phone_number as "+1 555-446-0931".
  const account = app.meta.createAccount({ displayPhoneNumber: '15554460931', verifiedName: 'Lucky Shrub' });
  phoneNumberId = account.phoneNumberId;
  const body = { wabaId: account.wabaId, phoneNumberId, accessToken: account.token };
  const connected = await request(app.url).post('/whatsapp/cloud/init').set(bearer(tenant.accessToken)).send(body).expect(201);
  expect(connected.body.displayPhoneNumber).toBe('+1 555-446-0931');
}, 240_000);

afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
  await app?.meta.idle();
  await app?.stop();
}, 60_000);

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `phone-display-${name}.png`), fullPage: true });

async function logIn(): Promise<Page> {
  const page = await (context = await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${app.url}/login`);
  await page.getByTestId('email-input').fill(tenant.registration.email);
  await page.getByTestId('password-input').fill(tenant.registration.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${app.url}/app`);
  return page;
}

test('the simulator, the inbox and Settings → WhatsApp show each number once, formatted the same way', async () => {
  const page = await logIn();

  await page.getByTestId('nav-simulator').click();
  await page.waitForURL(`${app.url}/app/simulator`);
  await page.getByTestId('customer-phone-input').fill('+919812345678');
  await page.getByTestId('customer-apply').click();
  const phone = page.getByTestId('phone');
  await phone.getByText('Business account').waitFor();
  await shot(page, 'simulator');
  expect(await page.locator('body').innerText()).not.toContain('++');
  expect(await phone.innerText()).toContain('+1 555-446-0931 · Business account');
  expect(await phone.innerText()).toContain('(+91 98123 45678)');

  await app.meta.customer(phoneNumberId).send({ waId: '919812345678', name: 'Kavya Menon' }, 'Hello, are you open today?');
  await page.getByTestId('nav-inbox').click();
  const row = page.locator('[data-testid=conversation-row][data-phone="+919812345678"]');
  await row.waitFor();
  expect(await row.innerText()).toContain('+91 98123 45678');
  await row.click();
  const header = page.getByTestId('conversation-header');
  await header.waitFor();
  expect(await header.innerText()).toContain('+91 98123 45678');
  await shot(page, 'inbox');

  await page.goto(`${app.url}/app/settings/whatsapp`);
  const table = page.getByText('+1 555-446-0931', { exact: true });
  await table.waitFor();
  expect(await page.locator('body').innerText()).not.toContain('++');
  await shot(page, 'settings');
});
