import { randomBytes } from 'node:crypto';
import { legacyPhoneBlindIndex, phoneBlindIndex } from '../../db/contacts/phone-identity';
import { isCurrentEnvelope } from '../../db/crypto/field-encryption';
import { openContactPhone } from '../../db/crypto/sealed-columns';
import { reindexContactPhones } from '../../db/system/reindex-contact-phones';
import { resealAll } from '../../db/system/reseal-sealed-columns';
import { eventually } from '../support/eventually';
import { registerTenant } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';
import { sealV1 } from '../support/legacy-envelope';
import { connectTestNumber, customerWaId } from '../support/whatsapp-factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.meta.idle();
  await app?.stop();
});

/** A contact exactly as the code before per-tenant indexes and column-naming envelopes stored it. */
async function insertLegacyContact(tenantId: string, phone: string): Promise<string> {
  const sealed = sealV1(app.config.encryptionKeys, phone, tenantId);
  const [row] = await app.db
    .system('contacts')
    .insert({
      tenant_id: tenantId,
      phone_ciphertext: sealed.ciphertext,
      phone_key_id: sealed.keyId,
      phone_blind_index: legacyPhoneBlindIndex(app.config, phone),
      phone_last4: phone.slice(-4),
      name: 'Old customer',
    })
    .returning('id');
  return row.id as string;
}

describe('contacts stored before per-tenant blind indexes', () => {
  it('an inbound message from a legacy contact finds it (no duplicate) and moves it to the tenant index', async () => {
    const tenantId = (await registerTenant(app.url)).tenant.id;
    const { phoneNumberId } = await connectTestNumber(app, tenantId);
    const waId = customerWaId();
    const legacyId = await insertLegacyContact(tenantId, `+${waId}`);

    await app.meta.customer(phoneNumberId).send({ waId, name: 'Meera' }, 'still there?');
    const message = await eventually(async () => {
      const row = await app.db.system('messages').where({ tenant_id: tenantId, direction: 'inbound' }).first();
      expect(row).toBeDefined();
      return row;
    });
    expect(message!.contact_id).toBe(legacyId);
    const contacts = await app.db.system('contacts').where({ tenant_id: tenantId });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ id: legacyId, phone_blind_index: phoneBlindIndex(app.config, tenantId, `+${waId}`) });
    // Its v1-sealed phone still opens.
    expect(openContactPhone(app.config.encryptionKeys, tenantId, { ciphertext: contacts[0].phone_ciphertext, keyId: contacts[0].phone_key_id })).toBe(`+${waId}`);
  });

  it('npm run rotate-keys moves the rest: per-tenant indexes, v2 envelopes, idempotent, unreadable rows reported', async () => {
    const [a, b] = await Promise.all([registerTenant(app.url), registerTenant(app.url)]);
    const phone = `+${customerWaId()}`;
    const ids = [await insertLegacyContact(a.tenant.id, phone), await insertLegacyContact(b.tenant.id, phone)];
    const [broken] = await app.db
      .system('contacts')
      .insert({
        tenant_id: b.tenant.id,
        phone_ciphertext: randomBytes(40).toString('base64'),
        phone_key_id: app.config.encryptionKeys[0].id,
        phone_blind_index: `x-${randomBytes(8).toString('hex')}`,
        phone_last4: '0000',
      })
      .returning('id');
    const tenantIds = [a.tenant.id, b.tenant.id];

    const first = await reindexContactPhones(app.db.system, app.config, { tenantIds, batchSize: 1 });
    expect(first).toEqual({ reindexed: 2, failedIds: [broken.id] });
    const rows = await app.db.system('contacts').whereIn('id', ids).orderBy('tenant_id');
    const expected = Object.fromEntries(tenantIds.map((t) => [t, phoneBlindIndex(app.config, t, phone)]));
    for (const row of rows) expect(row.phone_blind_index).toBe(expected[row.tenant_id]);
    expect(expected[a.tenant.id]).not.toBe(expected[b.tenant.id]);
    expect((await reindexContactPhones(app.db.system, app.config, { tenantIds })).reindexed).toBe(0);

    const [, contacts] = await resealAll(app.db.system, app.config.encryptionKeys, { tenantIds });
    expect(contacts).toMatchObject({ resealed: 2, failedIds: [broken.id] });
    const resealed = await app.db.system('contacts').whereIn('id', ids);
    for (const row of resealed) {
      const sealed = { ciphertext: row.phone_ciphertext, keyId: row.phone_key_id };
      expect(isCurrentEnvelope(sealed)).toBe(true);
      expect(openContactPhone(app.config.encryptionKeys, row.tenant_id, sealed)).toBe(phone);
    }
  });
});
