import type { Knex } from 'knex';

/** What the customer hears after a hand-off: one message for business hours, one for when the team is offline (null: none is sent). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('ai_settings', (t) => {
    t.text('handoff_message').nullable();
    t.text('out_of_hours_message').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('ai_settings', (t) => {
    t.dropColumn('handoff_message');
    t.dropColumn('out_of_hours_message');
  });
}
