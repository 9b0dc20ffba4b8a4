import { randomBytes } from 'node:crypto';
import { sealV1 } from '../../test/support/legacy-envelope';
import { legacyPhoneBlindIndex, phoneBlindIndex, phoneColumns, phoneLookupIndexes } from '../contacts/phone-identity';
import { open } from './field-encryption';
import { contactPhoneAad, openContactPhone, openWhatsappToken, sealContactPhone, sealWhatsappToken, sealedColumns, whatsappTokenAad } from './sealed-columns';

const keys = [{ id: 'k1', key: randomBytes(32) }];
const tenantA = '11111111-1111-4111-8111-111111111111';
const tenantB = '22222222-2222-4222-8222-222222222222';

describe('sealed columns', () => {
  it('the associated data names the column and the tenant', () => {
    expect(whatsappTokenAad(tenantA)).toBe(`aerostic:whatsapp_accounts.access_token_ciphertext:tenant:${tenantA}`);
    expect(contactPhoneAad(tenantA)).toBe(`aerostic:contacts.phone_ciphertext:tenant:${tenantA}`);
    for (const column of sealedColumns) expect(column.associatedData({ tenant_id: tenantA })).toContain(`${column.table}.${column.ciphertextColumn}`);
  });

  it('a ciphertext copied into another column or another tenant does not open', () => {
    const token = sealWhatsappToken(keys, tenantA, 'EAAG-secret');
    expect(openWhatsappToken(keys, tenantA, token)).toBe('EAAG-secret');
    expect(() => openContactPhone(keys, tenantA, token)).toThrow();
    expect(() => openWhatsappToken(keys, tenantB, token)).toThrow();
    // Nor under the tenant-only data the v1 envelope used.
    expect(() => open(keys, token, tenantA)).toThrow();
  });

  it('values stored before the change (v1, tenant-only associated data) stay readable in their tenant', () => {
    const stored = sealV1(keys, '+919812345678', tenantA);
    expect(openContactPhone(keys, tenantA, stored)).toBe('+919812345678');
    expect(() => openContactPhone(keys, tenantB, stored)).toThrow();
    expect(openContactPhone(keys, tenantA, sealContactPhone(keys, tenantA, '+919812345678'))).toBe('+919812345678');
  });

  it('the phone blind index is per tenant; lookups also match the pre-tenant index until rows are moved', () => {
    const config = { encryptionKeys: keys, blindIndexKey: randomBytes(32) };
    const phone = '+919812345678';
    expect(phoneBlindIndex(config, tenantA, phone)).not.toBe(phoneBlindIndex(config, tenantB, phone));
    expect(phoneColumns(config, tenantA, phone).phone_blind_index).toBe(phoneBlindIndex(config, tenantA, phone));
    expect(phoneLookupIndexes(config, tenantA, phone)).toEqual([phoneBlindIndex(config, tenantA, phone), legacyPhoneBlindIndex(config, phone)]);
  });
});
