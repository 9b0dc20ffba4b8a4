/**
 * Every encrypted column, with the associated data its values are sealed with. Binding a value to
 * its tenant means a ciphertext copied into another tenant's row fails to open. Writers and the key
 * rotation both take the associated data from here, so they cannot drift apart.
 */
export interface SealedColumn {
  table: string;
  ciphertextColumn: string;
  keyIdColumn: string;
  associatedData(row: { tenant_id: string }): string;
}

export const whatsappTokenAad = (tenantId: string) => tenantId;
export const contactPhoneAad = (tenantId: string) => tenantId;
export const userPhoneAad = (tenantId: string) => tenantId;

export const sealedColumns: readonly SealedColumn[] = [
  { table: 'whatsapp_accounts', ciphertextColumn: 'access_token_ciphertext', keyIdColumn: 'access_token_key_id', associatedData: (row) => whatsappTokenAad(row.tenant_id) },
  { table: 'contacts', ciphertextColumn: 'phone_ciphertext', keyIdColumn: 'phone_key_id', associatedData: (row) => contactPhoneAad(row.tenant_id) },
  { table: 'users', ciphertextColumn: 'phone_ciphertext', keyIdColumn: 'phone_key_id', associatedData: (row) => userPhoneAad(row.tenant_id) },
];
