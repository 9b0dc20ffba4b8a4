import { randomBytes, randomUUID } from 'node:crypto';
import { loadAccountToken } from '../../activities/meta/account-token';
import { blindIndex, isCurrentEnvelope, open, type Sealed } from '../../db/crypto/field-encryption';
import { openContactPhone, openUserPhone, openWhatsappToken, sealContactPhone, sealWhatsappToken } from '../../db/crypto/sealed-columns';
import { resealAll } from '../../db/system/reseal-sealed-columns';
import { startTestApp, type TestApp } from '../support/harness';
import { registerTenant } from '../support/factories';
import { sealV1 } from '../support/legacy-envelope';

let app: TestApp;
let tenantIds: string[];
const newKey = { id: `new-${randomUUID().slice(0, 8)}`, key: randomBytes(32) };

beforeAll(async () => {
  app = await startTestApp({ withoutWorker: true });
  tenantIds = (await Promise.all([registerTenant(app.url), registerTenant(app.url)])).map((t) => t.tenant.id);
}, 120_000);
afterAll(() => app?.stop());

const digits = () => String(1e14 + Math.floor(Math.random() * 9e14));

async function insertAccount(tenantId: string, token: string, sealed: Sealed) {
  const [row] = await app.db
    .system('whatsapp_accounts')
    .insert({
      tenant_id: tenantId,
      waba_id: digits(),
      phone_number_id: digits(),
      display_phone_number: '+1 555-000-0000',
      access_token_ciphertext: sealed.ciphertext,
      access_token_key_id: sealed.keyId,
    })
    .returning(['id', 'phone_number_id']);
  return { ...row, token, sealed };
}

async function insertContact(tenantId: string, phone: string, sealed: Sealed) {
  const [row] = await app.db
    .system('contacts')
    .insert({
      tenant_id: tenantId,
      phone_ciphertext: sealed.ciphertext,
      phone_key_id: sealed.keyId,
      phone_blind_index: blindIndex(randomBytes(32), phone),
      phone_last4: phone.slice(-4),
    })
    .returning('id');
  return { id: row.id as string, phone, sealed };
}

describe('key rotation (resealAll)', () => {
  it('re-seals every value not sealed with the first key or still in the v1 envelope, in batches, idempotently', async () => {
    const oldKeys = app.config.encryptionKeys;
    const rotation = [newKey, ...oldKeys];
    const accounts = [];
    const contacts = [];
    for (const tenantId of tenantIds) {
      for (let i = 0; i < 3; i++) {
        const token = `EAAG${randomBytes(24).toString('hex')}`;
        // Rows as the code before the column-naming envelope stored them.
        accounts.push(await insertAccount(tenantId, token, sealV1(oldKeys, token, tenantId)));
      }
      for (let i = 0; i < 4; i++) {
        const phone = `+9198${digits().slice(0, 8)}`;
        contacts.push(await insertContact(tenantId, phone, i % 2 ? sealV1(oldKeys, phone, tenantId) : sealContactPhone(oldKeys, tenantId, phone)));
      }
    }
    const alreadyNew = await insertAccount(tenantIds[0], 'EAAG-already-new-token', sealWhatsappToken([newKey], tenantIds[0], 'EAAG-already-new-token'));
    const v1WithNewKey = await insertAccount(tenantIds[0], 'EAAG-v1-new-key', sealV1([newKey], 'EAAG-v1-new-key', tenantIds[0]));
    const lost = await insertAccount(tenantIds[1], 'EAAG-lost', sealWhatsappToken([{ id: 'retired', key: randomBytes(32) }], tenantIds[1], 'EAAG-lost'));
    // v1 values stay readable until re-sealed.
    expect(openWhatsappToken(rotation, tenantIds[0], accounts[0].sealed)).toBe(accounts[0].token);

    const first = await resealAll(app.db.system, rotation, { batchSize: 2, tenantIds });
    expect(first).toEqual([
      { table: 'whatsapp_accounts', resealed: 7, failed: 1, failedIds: [lost.id] },
      { table: 'contacts', resealed: 8, failed: 0, failedIds: [] },
      // The two admins' phones, sealed at sign-up.
      { table: 'users', resealed: 2, failed: 0, failedIds: [] },
    ]);

    const rows = await app.db.system('whatsapp_accounts').whereIn('tenant_id', tenantIds).whereNot({ id: lost.id });
    expect(new Set(rows.map((r) => r.access_token_key_id))).toEqual(new Set([newKey.id]));
    expect(rows.every((r) => isCurrentEnvelope({ ciphertext: r.access_token_ciphertext, keyId: r.access_token_key_id }))).toBe(true);
    for (const account of [...accounts, v1WithNewKey]) {
      const row = rows.find((r) => r.id === account.id)!;
      expect(row.access_token_ciphertext).not.toBe(account.sealed.ciphertext);
      // The new key alone opens the new ciphertext, bound to the column; the old one still opens while its key is listed.
      expect(openWhatsappToken([newKey], row.tenant_id, { ciphertext: row.access_token_ciphertext, keyId: row.access_token_key_id })).toBe(account.token);
      expect(() => open([newKey], { ciphertext: row.access_token_ciphertext, keyId: row.access_token_key_id }, row.tenant_id)).toThrow();
      expect(openWhatsappToken(rotation, row.tenant_id, account.sealed)).toBe(account.token);
    }
    expect(rows.find((r) => r.id === alreadyNew.id)!.access_token_ciphertext).toBe(alreadyNew.sealed.ciphertext);
    const account = accounts[0];
    expect(await loadAccountToken(app.db, [newKey], tenantIds[0], account.phone_number_id)).toBe(account.token);

    const contactRows = await app.db.system('contacts').whereIn(
      'id',
      contacts.map((c) => c.id),
    );
    for (const contact of contacts) {
      const row = contactRows.find((r) => r.id === contact.id)!;
      expect(openContactPhone([newKey], row.tenant_id, { ciphertext: row.phone_ciphertext, keyId: row.phone_key_id })).toBe(contact.phone);
    }

    const admins = await app.db.system('users').whereIn('tenant_id', tenantIds);
    for (const admin of admins) expect(openUserPhone([newKey], admin.tenant_id, { ciphertext: admin.phone_ciphertext!, keyId: admin.phone_key_id! })).toMatch(/^\+\d+$/);

    const second = await resealAll(app.db.system, rotation, { tenantIds });
    expect(second.map((r) => r.resealed)).toEqual([0, 0, 0]);
    expect(second[0].failedIds).toEqual([lost.id]);
  });
});
