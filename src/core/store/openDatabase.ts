import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations/index.ts';
import { assertKnownSchema, migrate } from './migrate.ts';
import type { Migration } from './migration.ts';
import { StoreOpenError } from './storeError.ts';

export const DATABASE_FILE = 'pressdesk.sqlite';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The pragmas every connection runs with (DESIGN.md, "Data"). synchronous=FULL because
 * better-sqlite3's WAL default (NORMAL) can lose a committed transaction on power loss; an
 * accepted publication must survive that.
 */
export const PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

export interface OpenStoreOptions {
  dataDir: string;
  /** Electron's build of better-sqlite3 (DESIGN.md, "One native module, two runtimes"). */
  nativeBinding?: string | undefined;
  /** For tests of the migration runner itself. */
  migrations?: readonly Migration[];
}

export interface OpenedStore {
  db: Database;
  path: string;
  schemaVersion: number;
}

/**
 * Opens (or creates) the desk's database in `dataDir`.
 *
 * Contract: on any problem it throws a StoreOpenError whose message says what to do, and the
 * existing file is left byte for byte as it was: a file that is not SQLite is refused before
 * SQLite touches it, quick_check runs before anything is written, and no fallback ever puts a
 * new database in its place.
 */
export function openDatabase(options: OpenStoreOptions): OpenedStore {
  const { dataDir } = options;
  ensureWritableDir(dataDir);
  const path = join(dataDir, DATABASE_FILE);
  const existed = checkExistingFile(path);

  let db: Database;
  try {
    db = new Sqlite(path, {
      fileMustExist: existed,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new StoreOpenError(
      'data_dir_unusable',
      path,
      `Could not open the database ${path}: ${messageOf(error)}.`,
      error,
    );
  }

  try {
    const migrations = options.migrations ?? MIGRATIONS;
    // Read-only checks first: a file refused here has not been written to at all.
    if (existed) {
      quickCheck(db, path);
      assertKnownSchema(db, migrations, path);
    }
    applyPragmas(db, path);
    const schemaVersion = migrate(db, migrations, path);
    return { db, path, schemaVersion };
  } catch (error) {
    db.close();
    if (error instanceof StoreOpenError) throw error;
    if (isCorruption(error)) throw corrupt(path, messageOf(error), error);
    throw error;
  }
}

function ensureWritableDir(dir: string): void {
  const unusable = (why: string, error: unknown) =>
    new StoreOpenError(
      'data_dir_unusable',
      dir,
      `The data folder ${dir} cannot be used: ${why}. ` +
        'Choose another folder with --data-dir or DESK_DATA_DIR, or give this user write access to it.',
      error,
    );
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw unusable(messageOf(error), error);
  }
  // Permission bits are not the whole truth (root, read-only mounts, full disks): write a file.
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    const fd = openSync(probe, 'wx');
    try {
      writeSync(fd, 'ok');
    } finally {
      closeSync(fd);
    }
    unlinkSync(probe);
  } catch (error) {
    throw unusable(`PressDesk cannot write in it (${messageOf(error)})`, error);
  }
}

/** True when a database file is already there; throws when that file is not SQLite. */
function checkExistingFile(path: string): boolean {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      throw new StoreOpenError(
        'not_a_database',
        path,
        `${path} is not a file. Move it away, then start PressDesk again.`,
      );
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof StoreOpenError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreOpenError(
      'data_dir_unusable',
      path,
      `Cannot read ${path}: ${messageOf(error)}.`,
      error,
    );
  }
  if (size === 0) return true; // SQLite treats an empty file as a new database.
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw new StoreOpenError(
      'not_a_database',
      path,
      `The file ${path} is not a PressDesk database (it does not begin with the SQLite header). ` +
        'It was left as it was. Restore the database from a backup, or move this file away to start an empty desk.',
    );
  }
  return true;
}

function quickCheck(db: Database, path: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const findings = rows.map((r) => r.quick_check);
  if (findings.length !== 1 || findings[0] !== 'ok') {
    throw corrupt(path, findings.slice(0, 5).join('; '));
  }
}

function applyPragmas(db: Database, path: string): void {
  const mode = db.pragma(`journal_mode = ${PRAGMAS.journal_mode}`, { simple: true });
  db.pragma(`synchronous = ${PRAGMAS.synchronous}`);
  db.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`);
  db.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
  const actual = {
    journal_mode: mode,
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
  };
  for (const [name, want] of Object.entries(PRAGMAS)) {
    const got = actual[name as keyof typeof actual];
    if (got !== want) {
      throw new StoreOpenError(
        'pragma_refused',
        path,
        `SQLite refused PRAGMA ${name}=${want} on ${path} (it reports ${String(got)}). ` +
          'The data folder may be on a network or read-only file system; use a local folder.',
      );
    }
  }
}

function corrupt(path: string, findings: string, cause?: unknown): StoreOpenError {
  return new StoreOpenError(
    'corrupt',
    path,
    `The database ${path} is damaged (${findings}). It was left as it was. ` +
      'Restore it from a backup, or move it away to start an empty desk.',
    cause,
  );
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_CORRUPT' ||
    code === 'SQLITE_NOTADB' ||
    (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
