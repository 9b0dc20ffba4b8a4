import { Model, snakeCaseMappers } from 'objection';

/** Rows are snake_case in Postgres and camelCase in code; timestamps are kept by the database. */
export class BaseModel extends Model {
  static get columnNameMappers() {
    return snakeCaseMappers();
  }
}
