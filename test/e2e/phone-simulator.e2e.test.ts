/**
 * The phone simulator in a real browser (SPEC §5): the customer types on the simulated phone, the message
 * reaches the app as a signed webhook, the business answers through the API and the answer shows on the
 * phone; tapped buttons, list rows, a photo and STOP come back as inbound messages.
 * Screenshots: test-results/screenshots/phone-simulator-*.png.
 */
import { randomInt } from 'node:crypto';
import { type Page } from 'playwright-core';
import request from 'supertest';
import { phoneBlindIndex } from '../../db/contacts/phone-identity';
import { formatPhoneNumber } from '../../domain/phone-display';
import { eventually } from '../support/eventually';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { browserSuite } from '../support/browser-suite';
import { connectTestNumber } from '../support/whatsapp-factories';

const suite = browserSuite('phone-simulator', { viewport: { width: 1280, height: 900 } });

let tenant: RegisteredTenant;

beforeAll(async () => {
  tenant = await registerTenant(suite.app.url);
  await connectTestNumber(suite.app, tenant.tenant.id);
}, 240_000);

/** Opens the simulator from the navigation as a fresh customer; returns their E.164 number. */
async function openAsCustomer(page: Page, name: string): Promise<string> {
  const phone = `+9198${randomInt(10_000_000, 99_999_999)}`;
  await page.getByTestId('nav-simulator').click();
  await page.waitForURL(`${suite.app.url}/app/simulator`);
  await page.getByTestId('customer-phone-input').fill(phone);
  await page.getByTestId('customer-apply').click();
  await page.getByTestId('customer-name-input').fill(name);
  await page
    .getByTestId('phone')
    .getByText(`(${formatPhoneNumber(phone)})`)
    .waitFor();
  return phone;
}

async function typeAsCustomer(page: Page, text: string): Promise<void> {
  await page.getByTestId('phone-composer-input').fill(text);
  await page.getByTestId('phone-composer-input').press('Enter');
  await page.locator('[data-testid=phone-customer-message][data-state=delivered]', { hasText: text }).waitFor();
}

/** The inbound messages stored for this customer, oldest first. */
async function storedInbound(phone: string) {
  const contact = await suite.app.db
    .system('contacts')
    .where({ tenant_id: tenant.tenant.id, phone_blind_index: phoneBlindIndex(suite.app.config, tenant.tenant.id, phone) })
    .first();
  return contact ? suite.app.db.system('messages').where({ contact_id: contact.id, direction: 'inbound' }).orderBy('created_at') : [];
}

const waitForStored = (phone: string, match: (m: { type: string; content: Record<string, any> }) => boolean) =>
  eventually(async () => {
    const found = (await storedInbound(phone)).find(match);
    if (!found) throw new Error(`no matching inbound message for ${phone}`);
    return found;
  });

async function sendAsBusiness(to: string, content: object): Promise<void> {
  const res = await request(suite.app.url)
    .post('/messages/send')
    .set(bearer(tenant.accessToken))
    .send({ to, ...content });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 202 });
}

const businessBubble = (page: Page, text: string) => page.getByTestId('phone-business-message').filter({ hasText: text });

test('the customer writes from the phone, the business answers, and a tapped button comes back as its reply', async () => {
  const page = await suite.logIn(tenant.registration);
  const phone = await openAsCustomer(page, 'Meera Iyer');
  await suite.shot(page, 'empty');

  await typeAsCustomer(page, 'Is the blue kurta in stock?');
  const inbound = await waitForStored(phone, (m) => m.type === 'text' && m.content.body === 'Is the blue kurta in stock?');
  expect(await suite.app.db.system('contacts').where({ id: inbound.contact_id }).first()).toMatchObject({ profile_name: 'Meera Iyer' });

  await sendAsBusiness(phone, { type: 'text', text: { body: 'Yes! Sizes S to XL.' } });
  await businessBubble(page, 'Yes! Sizes S to XL.').waitFor();

  await sendAsBusiness(phone, {
    type: 'buttons',
    buttons: {
      body: 'Shall I reserve one for you?',
      options: [
        { id: 'reserve-yes', title: 'Yes, reserve' },
        { id: 'reserve-no', title: 'No thanks' },
      ],
    },
  });
  await businessBubble(page, 'Shall I reserve one for you?').getByTestId('phone-reply-button').filter({ hasText: 'Yes, reserve' }).click();
  const tapped = await waitForStored(phone, (m) => m.type === 'interactive' && m.content.button_reply?.id === 'reserve-yes');
  expect(tapped.content).toMatchObject({ type: 'button_reply', button_reply: { id: 'reserve-yes', title: 'Yes, reserve' } });
  await page.locator('[data-testid=phone-customer-message][data-state=delivered]', { hasText: 'Yes, reserve' }).waitFor();
  await suite.shot(page, 'conversation');
});

test('list rows, a photo and STOP reach the business from the phone', async () => {
  const page = await suite.logIn(tenant.registration);
  const phone = await openAsCustomer(page, 'Arjun Nair');
  await typeAsCustomer(page, 'Which size should I take?');
  await waitForStored(phone, (m) => m.content.body === 'Which size should I take?');

  const sections = [
    {
      title: 'Sizes',
      rows: [
        { id: 'size-m', title: 'Medium', description: 'Chest 38–40 in' },
        { id: 'size-l', title: 'Large' },
      ],
    },
  ];
  await sendAsBusiness(phone, { type: 'list', list: { body: 'Pick your size', button: 'See sizes', sections } });
  await businessBubble(page, 'Pick your size').getByTestId('phone-list-button').click();
  await page.getByTestId('phone-list-sheet').waitFor();
  await suite.shot(page, 'list');
  await page.getByTestId('phone-list-row').filter({ hasText: 'Medium' }).click();
  await waitForStored(phone, (m) => m.type === 'interactive' && m.content.list_reply?.id === 'size-m');

  // Any real PNG will do as the customer's photo: a crop of the page itself.
  const photo = await page.screenshot({ clip: { x: 0, y: 50, width: 240, height: 150 } });
  await page.getByTestId('phone-composer-input').fill('this colour?');
  await page.getByTestId('phone-image-input').setInputFiles({ name: 'kurta.png', mimeType: 'image/png', buffer: photo });
  const image = await waitForStored(phone, (m) => m.type === 'image');
  expect(image.content).toMatchObject({ caption: 'this colour?', mime_type: 'image/png' });
  await page.locator('[data-testid=phone-customer-message][data-state=delivered]', { hasText: 'this colour?' }).locator('img').waitFor();

  await page.getByTestId('phone-send-stop').click();
  await eventually(async () =>
    expect(
      await suite.app.db
        .system('contacts')
        .where({ tenant_id: tenant.tenant.id, phone_blind_index: phoneBlindIndex(suite.app.config, tenant.tenant.id, phone) })
        .first(),
    ).toMatchObject({ opted_out: true }),
  );
  await page.locator('[data-testid=phone-customer-message][data-state=delivered]', { hasText: 'STOP' }).waitFor();
  await suite.shot(page, 'quick-actions');
});

test('a workspace without a number is pointed to Settings → WhatsApp', async () => {
  const fresh = await registerTenant(suite.app.url);
  const page = await suite.logIn(fresh.registration);
  await page.getByTestId('nav-simulator').click();
  await page.getByTestId('simulator-unavailable').waitFor();
  expect(await page.getByTestId('simulator-connect-link').getAttribute('href')).toBe('/app/settings/whatsapp');
  await suite.shot(page, 'no-number');
});
