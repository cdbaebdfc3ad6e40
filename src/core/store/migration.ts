import type { Database } from 'better-sqlite3';

/**
 * One forward-only schema step. `version` numbers are consecutive from 1; a migration never
 * changes once released (write a new one instead). `up` runs inside the migration's
 * transaction, together with the user_version bump.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
