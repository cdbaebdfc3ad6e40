import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.ts';
import { StoreOpenError } from './storeError.ts';

/**
 * Brings the schema up to the last migration. Each step runs in its own transaction with its
 * user_version bump, so a crash between steps leaves a consistent, resumable schema.
 * A database from a newer PressDesk is refused, untouched.
 * Returns the schema version now in force.
 */
export function migrate(db: Database, migrations: readonly Migration[], path: string): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}.`);
  });
  const latest = migrations.length;
  const current = assertKnownSchema(db, migrations, path);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return latest;
}

/**
 * Reads the schema version and refuses one from a newer PressDesk. Read-only: call it before
 * anything writes (even the journal mode), so a refused file stays byte for byte as it was.
 */
export function assertKnownSchema(
  db: Database,
  migrations: readonly Migration[],
  path: string,
): number {
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new StoreOpenError(
      'newer_schema',
      path,
      `The database ${path} was written by a newer PressDesk (schema ${current}; this version knows up to ${latest}). ` +
        'It was left as it was. Update PressDesk to open it.',
    );
  }
  return current;
}
