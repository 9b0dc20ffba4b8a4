import type { Knex } from 'knex';

const APP_ROLE = 'aerostic_app';

const PLANS = [
  { id: 'starter', name: 'Starter', amount: 999, limits: { messagesPerMonth: 5_000, aiRepliesPerMonth: 1_000, agents: 3, broadcastsPerDay: 2 } },
  { id: 'growth', name: 'Growth', amount: 2_499, limits: { messagesPerMonth: 25_000, aiRepliesPerMonth: 5_000, agents: 10, broadcastsPerDay: 10 } },
  { id: 'pro', name: 'Pro', amount: 3_999, limits: { messagesPerMonth: 100_000, aiRepliesPerMonth: 20_000, agents: 25, broadcastsPerDay: 50 } },
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('plans', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.integer('amount').notNullable();
    t.text('currency').notNullable().defaultTo('INR');
    t.text('period').notNullable().defaultTo('monthly');
    t.jsonb('limits').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('sort_order').notNullable().defaultTo(0);
  });
  await knex('plans').insert(PLANS.map((p, i) => ({ ...p, limits: JSON.stringify(p.limits), sort_order: i })));

  // Razorpay plan ids differ per account (sandbox, test, live): keyed by the API key id.
  await knex.schema.createTable('razorpay_plans', (t) => {
    t.text('plan_id').notNullable().references('plans.id');
    t.text('key_id').notNullable();
    t.text('razorpay_plan_id').notNullable();
    t.primary(['plan_id', 'key_id']);
  });

  await knex.schema.createTable('subscriptions', (t) => {
    t.uuid('id').primary();
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('plan_id').notNullable().references('plans.id');
    t.text('status').notNullable();
    t.text('razorpay_subscription_id').notNullable().unique();
    t.text('razorpay_customer_id').notNullable();
    t.text('short_url');
    t.timestamp('current_period_start', { useTz: true });
    t.timestamp('current_period_end', { useTz: true });
    t.boolean('cancel_at_cycle_end').notNullable().defaultTo(false);
    t.timestamp('grace_ends_at', { useTz: true });
    t.integer('paid_count').notNullable().defaultTo(0);
    t.timestamps(true, true);
    t.index(['tenant_id', 'created_at']);
  });

  await knex.schema.createTable('payments', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('subscription_id').references('subscriptions.id');
    t.text('razorpay_payment_id').notNullable().unique();
    t.text('razorpay_invoice_id');
    t.decimal('amount', 12, 2).notNullable();
    t.text('currency').notNullable();
    t.text('status').notNullable();
    t.text('method');
    t.text('error_code');
    t.text('error_description');
    t.timestamp('paid_at', { useTz: true });
    t.timestamps(true, true);
    t.index(['tenant_id', 'created_at']);
  });

  await knex.schema.createTable('invoices', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('subscription_id').references('subscriptions.id');
    t.text('razorpay_invoice_id').notNullable().unique();
    t.text('razorpay_payment_id');
    t.decimal('amount', 12, 2).notNullable();
    t.text('currency').notNullable();
    t.text('status').notNullable();
    t.timestamp('period_start', { useTz: true });
    t.timestamp('period_end', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'created_at']);
  });

  // Webhook dedupe across API nodes: an event id is accepted once (Razorpay delivers at least once).
  await knex.schema.createTable('razorpay_events', (t) => {
    t.text('event_id').primary();
    t.text('event').notNullable();
    t.uuid('tenant_id');
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('usage_events', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.integer('quantity').notNullable().defaultTo(1);
    t.text('idempotency_key').notNullable();
    t.jsonb('metadata').notNullable().defaultTo('{}');
    t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'idempotency_key']);
    t.index(['tenant_id', 'kind', 'occurred_at']);
  });

  await knex.schema.createTable('daily_metrics', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.date('day').notNullable();
    t.text('metric').notNullable();
    t.bigInteger('value').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'day', 'metric']);
  });

  await knex.raw(`
    GRANT SELECT ON plans TO ${APP_ROLE};
    -- usage_events is an append-only ledger: the app may add and read, never change or remove.
    REVOKE UPDATE, DELETE ON usage_events FROM ${APP_ROLE};
  `);
  for (const [table, grants] of [
    ['subscriptions', 'SELECT, INSERT, UPDATE'],
    ['payments', 'SELECT, INSERT, UPDATE'],
    ['invoices', 'SELECT, INSERT, UPDATE'],
    ['usage_events', 'SELECT, INSERT'],
    ['daily_metrics', 'SELECT, INSERT, UPDATE'],
  ] as const) {
    await knex.raw(`
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      GRANT ${grants} ON ${table} TO ${APP_ROLE};
    `);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['daily_metrics', 'usage_events', 'razorpay_events', 'invoices', 'payments', 'subscriptions', 'razorpay_plans', 'plans']) {
    await knex.schema.dropTableIfExists(table);
  }
}
