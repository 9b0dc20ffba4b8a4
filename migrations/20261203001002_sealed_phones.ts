import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // A user's phone is sealed like a contact's; the plaintext column stays readable only for rows
  // written before this migration and is never written again.
  await knex.schema.alterTable('users', (t) => {
    t.text('phone_ciphertext');
    t.text('phone_key_id');
  });
  // Challenges are found by a keyed hash of the phone, never by the number itself. Pending codes
  // live ten minutes, so the old rows are simply dropped.
  await knex('otp_challenges').delete();
  await knex.schema.alterTable('otp_challenges', (t) => {
    t.dropIndex(['purpose', 'phone', 'email', 'created_at']);
    t.dropColumn('phone');
    t.text('phone_hash').notNullable();
    t.index(['purpose', 'phone_hash', 'email', 'created_at']);
    t.index(['phone_hash', 'created_at']);
  });
  await knex.schema.alterTable('platform_notifications', (t) => {
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex('otp_challenges').delete();
  await knex.schema.alterTable('platform_notifications', (t) => {
    t.dropIndex(['created_at']);
  });
  await knex.schema.alterTable('otp_challenges', (t) => {
    t.dropIndex(['phone_hash', 'created_at']);
    t.dropIndex(['purpose', 'phone_hash', 'email', 'created_at']);
    t.dropColumn('phone_hash');
    t.text('phone').notNullable();
    t.index(['purpose', 'phone', 'email', 'created_at']);
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('phone_key_id');
    t.dropColumn('phone_ciphertext');
  });
}
