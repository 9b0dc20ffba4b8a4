import request from 'supertest';
import { bearer, registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/harness';
import { connectTestNumber } from '../support/whatsapp-factories';

/** The full product (API + worker), a workspace with a connected number, and another workspace. */
export async function startInboxWorld(options: TestAppOptions = {}): Promise<{ app: TestApp; tenant: RegisteredTenant; other: RegisteredTenant; phoneNumberId: string }> {
  const app = await startTestApp(options);
  const [tenant, other] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
  const { phoneNumberId } = await connectTestNumber(app, tenant.tenant.id);
  return { app, tenant, other, phoneNumberId };
}

export async function stopInboxWorld(app: TestApp | undefined): Promise<void> {
  await app?.meta.idle();
  await app?.stop();
}

/** The customer's conversation as the inbox lists it, once their message has been handled. */
export function listedConversation(app: TestApp, who: RegisteredTenant, waId: string) {
  return eventually(async () => {
    const list = await request(app.url).get('/conversations').set(bearer(who.accessToken)).expect(200);
    const found = list.body.data.find((c: { contact: { phone: string } }) => c.contact.phone === `+${waId}`);
    expect(found).toBeDefined();
    return found;
  });
}
