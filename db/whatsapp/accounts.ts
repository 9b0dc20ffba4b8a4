import type { Knex } from 'knex';
import type { TWhatsappAccount } from '../../domain/whatsapp';
import type { Sealed } from '../crypto/field-encryption';

/** A `whatsapp_accounts` row; the token is sealed (`db/crypto/sealed-columns.ts`), opened only where Meta is called. */
export interface WhatsappAccountRow {
  id: string;
  tenant_id: string;
  waba_id: string;
  phone_number_id: string;
  display_phone_number: string;
  verified_name: string | null;
  status: TWhatsappAccount['status'];
  quality_rating: string | null;
  is_default: boolean;
  access_token_ciphertext: string;
  access_token_key_id: string;
  token_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

type Defaulted = 'verified_name' | 'status' | 'quality_rating' | 'is_default' | 'token_expires_at' | 'updated_at';
type NewWhatsappAccountRow = Omit<WhatsappAccountRow, 'id' | 'created_at' | Defaulted> & Partial<Pick<WhatsappAccountRow, Defaulted>>;
type WhatsappAccountChange = Partial<Omit<WhatsappAccountRow, 'id' | 'tenant_id' | 'created_at' | 'updated_at'>> & { updated_at?: Date | Knex.Raw };

declare module 'knex/types/tables' {
  interface Tables {
    whatsapp_accounts: Knex.CompositeTableType<WhatsappAccountRow, NewWhatsappAccountRow, WhatsappAccountChange>;
  }
}

export interface WhatsappAccount {
  id: string;
  tenantId: string;
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifiedName: string | null;
  status: TWhatsappAccount['status'];
  qualityRating: string | null;
  isDefault: boolean;
  token: Sealed;
  tokenExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const toAccount = (row: WhatsappAccountRow): WhatsappAccount => ({
  id: row.id,
  tenantId: row.tenant_id,
  wabaId: row.waba_id,
  phoneNumberId: row.phone_number_id,
  displayPhoneNumber: row.display_phone_number,
  verifiedName: row.verified_name,
  status: row.status,
  qualityRating: row.quality_rating,
  isDefault: row.is_default,
  token: { ciphertext: row.access_token_ciphertext, keyId: row.access_token_key_id },
  tokenExpiresAt: row.token_expires_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * The account's public fields, never the token: what the connect workflow returns and the API shows
 * (a domain type both sides share, so it lives here rather than beside one router).
 */
export function toWhatsappAccount(account: WhatsappAccount): TWhatsappAccount {
  return {
    id: account.id,
    wabaId: account.wabaId,
    phoneNumberId: account.phoneNumberId,
    displayPhoneNumber: account.displayPhoneNumber,
    verifiedName: account.verifiedName,
    status: account.status,
    qualityRating: account.qualityRating,
    isDefault: account.isDefault,
  };
}

const DEFAULT_FIRST = [{ column: 'is_default', order: 'desc' }, { column: 'created_at' }] as const;

/** The workspace's numbers, default first, then in the order they were connected. */
export async function listAccounts(trx: Knex): Promise<WhatsappAccount[]> {
  return (await trx('whatsapp_accounts').orderBy([...DEFAULT_FIRST])).map(toAccount);
}

/** The connected numbers, default first (the sandbox's phone simulator plays their customer). */
export async function listConnectedAccounts(trx: Knex): Promise<WhatsappAccount[]> {
  return (
    await trx('whatsapp_accounts')
      .where({ status: 'connected' })
      .orderBy([...DEFAULT_FIRST])
  ).map(toAccount);
}

export async function findAccountByNumber(trx: Knex, phoneNumberId: string): Promise<WhatsappAccount | undefined> {
  const row = await trx('whatsapp_accounts').where({ phone_number_id: phoneNumberId }).first();
  return row && toAccount(row);
}

/** What a send needs of its number (read on every send, so only these columns). */
export async function findAccountToken(trx: Knex, phoneNumberId: string): Promise<{ token: Sealed; status: WhatsappAccount['status'] } | undefined> {
  const row = await trx('whatsapp_accounts').where({ phone_number_id: phoneNumberId }).first('access_token_ciphertext', 'access_token_key_id', 'status');
  return row && { token: { ciphertext: row.access_token_ciphertext, keyId: row.access_token_key_id }, status: row.status };
}

/** The named number, or without a name the default (else the oldest) number. */
export async function findAccountByNumberOrDefault(trx: Knex, phoneNumberId: string | undefined): Promise<WhatsappAccount | undefined> {
  if (phoneNumberId) return findAccountByNumber(trx, phoneNumberId);
  const row = await trx('whatsapp_accounts')
    .orderBy([...DEFAULT_FIRST])
    .first();
  return row && toAccount(row);
}

/** Locks the row until the transaction ends. */
export async function findAccountForUpdate(trx: Knex, id: string): Promise<WhatsappAccount | undefined> {
  const row = await trx('whatsapp_accounts').where({ id }).forUpdate().first();
  return row && toAccount(row);
}

/** Moves the workspace's default to this account. */
export async function makeDefaultAccount(trx: Knex, id: string): Promise<WhatsappAccount> {
  // The old default goes first: a partial unique index allows one default per workspace.
  await trx('whatsapp_accounts').where({ is_default: true }).update({ is_default: false, updated_at: new Date() });
  const [row] = await trx('whatsapp_accounts').where({ id }).update({ is_default: true, updated_at: new Date() }).returning('*');
  return toAccount(row);
}

/** Meta refused the token for good (code 190): sends stop until the number is reconnected. */
export async function markTokenExpired(trx: Knex, phoneNumberId: string): Promise<void> {
  await trx('whatsapp_accounts').where({ phone_number_id: phoneNumberId }).update({ status: 'token_expired', updated_at: trx.fn.now() });
}

export interface ConnectedNumber {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifiedName: string | null;
  qualityRating: string | null;
  token: Sealed;
}

/**
 * Records a number after Meta confirmed it: reconnecting a number of this workspace refreshes its
 * row and token; the workspace's first number becomes its default. A number held by another
 * workspace fails on the unique phone_number_id (which RLS cannot hide from the index).
 */
export async function saveConnectedAccount(trx: Knex.Transaction, tenantId: string, number: ConnectedNumber): Promise<WhatsappAccount> {
  // Serialises connects within the workspace, so two first numbers cannot both become the default.
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`whatsapp-accounts:${tenantId}`]);
  const fields = {
    waba_id: number.wabaId,
    display_phone_number: number.displayPhoneNumber,
    verified_name: number.verifiedName,
    quality_rating: number.qualityRating,
    status: 'connected' as const,
    access_token_ciphertext: number.token.ciphertext,
    access_token_key_id: number.token.keyId,
    token_expires_at: null,
    updated_at: new Date(),
  };
  const existing = await trx('whatsapp_accounts').where({ phone_number_id: number.phoneNumberId }).first('id');
  if (existing) {
    const [updated] = await trx('whatsapp_accounts').where({ id: existing.id }).update(fields).returning('*');
    return toAccount(updated);
  }
  const hasDefault = await trx('whatsapp_accounts').where({ is_default: true }).first('id');
  const [inserted] = await trx('whatsapp_accounts')
    .insert({ tenant_id: tenantId, phone_number_id: number.phoneNumberId, ...fields, is_default: !hasDefault })
    .returning('*');
  return toAccount(inserted);
}

export const PHONE_NUMBER_TAKEN_CONSTRAINT = 'whatsapp_accounts_phone_number_id_unique';

/** The number a message goes out from: the one asked for (when it is the workspace's) or the default. */
export async function findSendingNumber(trx: Knex, phoneNumberId?: string): Promise<{ phoneNumberId: string; status: string } | undefined> {
  const row = await trx('whatsapp_accounts')
    .where(phoneNumberId ? { phone_number_id: phoneNumberId } : { is_default: true })
    .first('phone_number_id', 'status');
  return row && { phoneNumberId: row.phone_number_id, status: row.status };
}
