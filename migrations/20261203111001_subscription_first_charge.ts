import type { Knex } from 'knex';

/** The `start_at` a subscription was created with (a trial's end, kept for the customer); null: charged at checkout. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('subscriptions', (t) => {
    t.timestamp('starts_at', { useTz: true }).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('subscriptions', (t) => {
    t.dropColumn('starts_at');
  });
}
