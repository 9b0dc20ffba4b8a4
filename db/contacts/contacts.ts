import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AppConfig } from '../../config';
import type { Insertable, Writable } from '../row-types';
import { legacyPhoneBlindIndex, phoneColumns } from './phone-identity';

type Keys = Pick<AppConfig, 'encryptionKeys' | 'blindIndexKey'>;

/** A `contacts` row: the phone is sealed, found by its blind index (`phone-identity.ts`). */
export interface ContactRow {
  id: string;
  tenant_id: string;
  phone_ciphertext: string;
  phone_key_id: string;
  phone_blind_index: string;
  phone_last4: string;
  name: string | null;
  profile_name: string | null;
  source: string;
  lead_status: string;
  opted_out: boolean;
  opted_out_at: Date | null;
  opt_in_at: Date | null;
  attributes: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

type ContactInsert = Insertable<ContactRow, 'tenant_id' | 'phone_ciphertext' | 'phone_key_id' | 'phone_blind_index' | 'phone_last4'>;

declare module 'knex/types/tables' {
  interface Tables {
    contacts: Knex.CompositeTableType<ContactRow, ContactInsert, Writable<ContactRow>>;
  }
}

/** What finding-or-creating a contact tells its caller. */
export interface UpsertedContact {
  id: string;
  optedOut: boolean;
  created: boolean;
}

/** Finds or creates the contact for a phone (first inbound message = an automatic lead). */
export async function upsertContact(
  trx: Knex,
  keys: Keys,
  input: { tenantId: string; phone: string; profileName: string | null; source: 'inbound' | 'api' },
): Promise<UpsertedContact> {
  const columns = phoneColumns(keys, input.tenantId, input.phone);
  // A contact stored before per-tenant blind indexes moves to its current index here, so the
  // insert below finds it instead of creating a second contact for the same phone.
  await trx('contacts')
    .where({ tenant_id: input.tenantId, phone_blind_index: legacyPhoneBlindIndex(keys, input.phone) })
    .update({ phone_blind_index: columns.phone_blind_index });
  const id = randomUUID();
  const [row] = await trx('contacts')
    .insert({ id, tenant_id: input.tenantId, ...columns, profile_name: input.profileName, name: input.profileName, source: input.source })
    .onConflict(['tenant_id', 'phone_blind_index'])
    .merge(input.profileName ? { profile_name: input.profileName, updated_at: trx.fn.now() } : { updated_at: trx.fn.now() })
    .returning(['id', 'opted_out']);
  return { id: row.id, optedOut: row.opted_out, created: row.id === id };
}

/** STOP opts out at once; START opts back in (and records the new opt-in time). */
export async function setContactOptOut(trx: Knex, contactId: string, optedOut: boolean): Promise<void> {
  const now = new Date();
  await trx('contacts')
    .where({ id: contactId })
    .update(optedOut ? { opted_out: true, opted_out_at: now, updated_at: now } : { opted_out: false, opt_in_at: now, updated_at: now });
}
