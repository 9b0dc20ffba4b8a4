import type { Knex } from 'knex';

/**
 * The insert or update shape of a row for a `Tables` augmentation: any subset of its columns, each a
 * value or SQL (`trx.fn.now()`, `trx.raw(...)`). Knex applies no such widening to composite table types.
 */
export type Writable<Row> = { [K in keyof Row]?: Row[K] | Knex.Raw };

/** Like `Writable`, with the columns an insert must give. */
export type Insertable<Row, Required extends keyof Row> = Writable<Row> & { [K in Required]: Row[K] | Knex.Raw };
