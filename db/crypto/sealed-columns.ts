import type { EncryptionKey } from '../../config';
import { open, seal, type Sealed } from './field-encryption';

/**
 * Every encrypted column, with the associated data its values are sealed with: the column
 * (`table.column`) and the tenant, so a ciphertext copied into another column or another tenant's
 * row fails to open. Writers and the key rotation both take the associated data from here, so they
 * cannot drift apart. `legacyAssociatedData` is what v1 envelopes (tenant only) were sealed with.
 */
export interface SealedColumn {
  table: string;
  ciphertextColumn: string;
  keyIdColumn: string;
  associatedData(row: { tenant_id: string }): string;
  legacyAssociatedData(row: { tenant_id: string }): string;
}

const columnAad = (table: string, column: string) => (tenantId: string) => `aerostic:${table}.${column}:tenant:${tenantId}`;
const legacyTenantAad = (tenantId: string) => tenantId;

export const whatsappTokenAad = columnAad('whatsapp_accounts', 'access_token_ciphertext');
export const contactPhoneAad = columnAad('contacts', 'phone_ciphertext');
export const userPhoneAad = columnAad('users', 'phone_ciphertext');

export const sealedColumns: readonly SealedColumn[] = [
  {
    table: 'whatsapp_accounts',
    ciphertextColumn: 'access_token_ciphertext',
    keyIdColumn: 'access_token_key_id',
    associatedData: (row) => whatsappTokenAad(row.tenant_id),
    legacyAssociatedData: (row) => legacyTenantAad(row.tenant_id),
  },
  {
    table: 'contacts',
    ciphertextColumn: 'phone_ciphertext',
    keyIdColumn: 'phone_key_id',
    associatedData: (row) => contactPhoneAad(row.tenant_id),
    legacyAssociatedData: (row) => legacyTenantAad(row.tenant_id),
  },
  {
    table: 'users',
    ciphertextColumn: 'phone_ciphertext',
    keyIdColumn: 'phone_key_id',
    associatedData: (row) => userPhoneAad(row.tenant_id),
    legacyAssociatedData: (row) => legacyTenantAad(row.tenant_id),
  },
];

export function sealWhatsappToken(keys: EncryptionKey[], tenantId: string, token: string): Sealed {
  return seal(keys, token, whatsappTokenAad(tenantId));
}

export function openWhatsappToken(keys: EncryptionKey[], tenantId: string, sealed: Sealed): string {
  return open(keys, sealed, whatsappTokenAad(tenantId), legacyTenantAad(tenantId));
}

export function sealContactPhone(keys: EncryptionKey[], tenantId: string, phone: string): Sealed {
  return seal(keys, phone, contactPhoneAad(tenantId));
}

export function openContactPhone(keys: EncryptionKey[], tenantId: string, sealed: Sealed): string {
  return open(keys, sealed, contactPhoneAad(tenantId), legacyTenantAad(tenantId));
}

export function openUserPhone(keys: EncryptionKey[], tenantId: string, sealed: Sealed): string {
  return open(keys, sealed, userPhoneAad(tenantId), legacyTenantAad(tenantId));
}
