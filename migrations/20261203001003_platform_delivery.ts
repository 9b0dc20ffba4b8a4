import type { Knex } from 'knex';

/** Platform notifications are now sent from the platform's WhatsApp number: each row is its own send ledger. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('platform_notifications', (t) => {
    t.timestamp('claimed_at', { useTz: true });
    t.timestamp('sent_at', { useTz: true });
    t.text('wa_message_id');
    t.text('last_error_code');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('platform_notifications', (t) => {
    t.dropColumn('last_error_code');
    t.dropColumn('wa_message_id');
    t.dropColumn('sent_at');
    t.dropColumn('claimed_at');
  });
}
