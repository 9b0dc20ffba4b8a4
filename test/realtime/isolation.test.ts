import { registerTenant, type RegisteredTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/harness';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';
import { openSocket, ready, type TestSocket } from './socket-client';

let app: TestApp;
const tenants: { t: RegisteredTenant; phoneNumberId: string; client: TestSocket }[] = [];
beforeAll(async () => {
  app = await startTestApp();
  for (let i = 0; i < 2; i++) {
    const t = await registerTenant(app.url);
    const { phoneNumberId } = await connectTestNumber(app, t.tenant.id);
    const client = openSocket(app.url, { token: t.accessToken });
    await ready(client);
    tenants.push({ t, phoneNumberId, client });
  }
});
afterAll(async () => {
  for (const { client } of tenants) client.close();
  await app?.meta.idle();
  await app?.stop();
});

/** The id of the message a customer's inbound text became, once the worker has stored it. */
async function inbound(phoneNumberId: string, tenantId: string, text: string): Promise<string> {
  const sent = await app.meta.customer(phoneNumberId).send(customerWaId(), text);
  expect(sent.delivery.status).toBe(200);
  return eventually(async () => {
    const row = await app.db.system('messages').where({ tenant_id: tenantId, wa_message_id: sent.wamid }).first('id');
    expect(row).toBeDefined();
    return row!.id as string;
  });
}

const messageIds = (client: TestSocket) => client.received.filter((r) => r.event === 'message.new').map((r) => r.data.messageId);

describe('realtime events reach only their tenant', () => {
  it('inbound WhatsApp messages appear as message.new (ids and seq) on their own tenant’s sockets only', async () => {
    const [one, two] = tenants;
    const first = await inbound(one.phoneNumberId, one.t.tenant.id, 'hello from one');
    const second = await inbound(two.phoneNumberId, two.t.tenant.id, 'hello from two');
    // Published after two's message, so by the time one's socket has it, two's has long been relayed.
    const fence = await inbound(one.phoneNumberId, one.t.tenant.id, 'one again');
    await eventually(async () => expect(messageIds(one.client)).toEqual([first, fence]));
    await eventually(async () => expect(messageIds(two.client)).toEqual([second]));

    const event = one.client.received.find((r) => r.event === 'message.new')!;
    expect(event.data).toEqual({ conversationId: expect.any(String), messageId: first, seq: expect.any(Number) });
    expect(JSON.stringify(event.data)).not.toContain('hello');
    const contactCreated = (c: TestSocket) => c.received.filter((r) => r.event === 'contact.created');
    // A contact's `contact.created` is published by its own activity, so it may follow the message's event.
    await eventually(async () => expect(contactCreated(one.client)).toHaveLength(2));
    await eventually(async () => expect(contactCreated(two.client)).toHaveLength(1));
    for (const { client } of tenants) expect(client.seqs()).toEqual([...client.seqs()].sort((x, y) => x - y));
  });
});
