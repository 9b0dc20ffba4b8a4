import { phoneBlindIndex } from '../../db/contacts/phone-identity';
import { inboundConversationSeed } from '../../db/system/conversation-seed';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

describe("the webhook's one-statement conversation seed", () => {
  it("reads only the receiving number's tenant, even when another tenant knows the same phone", async () => {
    const [a, b] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
    const [numberA, numberB] = await Promise.all([connectTestNumber(app, a.tenant.id), connectTestNumber(app, b.tenant.id)]);
    const waId = customerWaId();
    await app.meta.customer(numberA.phoneNumberId).send({ waId }, 'STOP');
    await app.meta.customer(numberB.phoneNumberId).send({ waId }, 'hello');
    const index = (tenantId: string) => phoneBlindIndex(app.config, tenantId, `+${waId}`);
    // Per-tenant blind-index keys: the same phone has unrelated indexes in the two workspaces.
    expect(index(a.tenant.id)).not.toBe(index(b.tenant.id));
    const [seedA, seedB] = await eventually(async () => {
      const seeds = await Promise.all([
        inboundConversationSeed(app.db.system, a.tenant.id, numberA.phoneNumberId, [index(a.tenant.id)]),
        inboundConversationSeed(app.db.system, b.tenant.id, numberB.phoneNumberId, [index(b.tenant.id)]),
      ]);
      expect(seeds[0].optedOut).toBe(true);
      expect(seeds[1].conversationId).not.toBeNull();
      return seeds;
    });
    const contactOf = async (tenantId: string) =>
      (await app.db
        .system('contacts')
        .where({ tenant_id: tenantId, phone_blind_index: index(tenantId) })
        .first('id'))!.id;
    expect(seedA.contactId).toBe(await contactOf(a.tenant.id));
    expect(seedB).toMatchObject({ contactId: await contactOf(b.tenant.id), optedOut: false, status: 'open', mode: 'agent', aiReplyCount: 0 });
    expect(seedB.lastInboundAt).toEqual(expect.any(Number));
    // The number of one tenant never finds the other's conversation.
    expect((await inboundConversationSeed(app.db.system, a.tenant.id, numberB.phoneNumberId, [index(a.tenant.id)])).conversationId).toBeNull();
    expect(await inboundConversationSeed(app.db.system, a.tenant.id, numberA.phoneNumberId, [phoneBlindIndex(app.config, a.tenant.id, '+10000000000')])).toMatchObject({
      contactId: null,
      conversationId: null,
    });
  });
});
