import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../../src/core/store/openDatabase.ts';
import { MIGRATIONS } from '../../../../src/core/store/migrations/index.ts';
import { StoreOpenError } from '../../../../src/core/store/storeError.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function openError(fn: () => unknown): StoreOpenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error('expected a StoreOpenError');
}

describe('openDatabase', () => {
  const tempDir = useTempDirs();

  it('creates the database with the pragmas of DESIGN.md and every migration applied', () => {
    const dir = tempDir();
    const { db, schemaVersion, path } = openDatabase({ dataDir: join(dir, 'nested', 'data') });
    try {
      expect(path).toBe(join(dir, 'nested', 'data', DATABASE_FILE));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(schemaVersion).toBe(MIGRATIONS.length);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .pluck()
        .all();
      expect(tables).toEqual(expect.arrayContaining(['drafts', 'settings']));
    } finally {
      db.close();
    }
  });

  it('reopens an existing database without re-running migrations', () => {
    const dataDir = tempDir();
    const first = openDatabase({ dataDir });
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('locale', '\"en\"')").run();
    first.db.close();
    const second = openDatabase({ dataDir });
    try {
      expect(second.db.prepare('SELECT value FROM settings').pluck().get()).toBe('"en"');
    } finally {
      second.db.close();
    }
  });

  it('applies only the pending migrations, each with its user_version', () => {
    const dataDir = tempDir();
    const calls: number[] = [];
    const steps = [1, 2, 3].map((version) => ({
      version,
      name: `step${version}`,
      up: (db: Sqlite.Database) => {
        calls.push(version);
        db.exec(`CREATE TABLE t${version} (x INTEGER) STRICT`);
      },
    }));
    openDatabase({ dataDir, migrations: steps.slice(0, 2) }).db.close();
    const { db, schemaVersion } = openDatabase({ dataDir, migrations: steps });
    db.close();
    expect(calls).toEqual([1, 2, 3]);
    expect(schemaVersion).toBe(3);
  });

  it('rolls a failing migration back whole and reports it', () => {
    const dataDir = tempDir();
    const steps = [
      {
        version: 1,
        name: 'ok',
        up: (db: Sqlite.Database) => db.exec('CREATE TABLE a (x INTEGER) STRICT'),
      },
      {
        version: 2,
        name: 'broken',
        up: (db: Sqlite.Database) => {
          db.exec('CREATE TABLE b (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase({ dataDir, migrations: steps })).toThrow('boom');
    const db = new Sqlite(join(dataDir, DATABASE_FILE));
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'b'").pluck().get()).toBe(
        0,
      );
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer PressDesk and leaves it as it was', () => {
    const dataDir = tempDir();
    const path = join(dataDir, DATABASE_FILE);
    const raw = new Sqlite(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    const before = sha(path);
    const error = openError(() => openDatabase({ dataDir }));
    expect(error.problem).toBe('newer_schema');
    expect(error.message).toMatch(/newer PressDesk/);
    expect(sha(path)).toBe(before);
  });

  it('refuses a file that is not SQLite, byte for byte untouched, and creates nothing beside it', () => {
    const dataDir = tempDir();
    const path = join(dataDir, DATABASE_FILE);
    writeFileSync(path, '这不是数据库 — a spreadsheet someone saved over the desk'.repeat(200));
    const before = sha(path);
    const error = openError(() => openDatabase({ dataDir }));
    expect(error.problem).toBe('not_a_database');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/left as it was/);
    expect(sha(path)).toBe(before);
    expect(readdirSync(dataDir).sort()).toEqual([DATABASE_FILE]);
  });

  it('refuses a damaged database (quick_check) and leaves it as it was', () => {
    const dataDir = tempDir();
    const first = openDatabase({ dataDir });
    const insert = first.db.prepare(
      'INSERT INTO drafts (id, kind, title, status, body, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < 2000; i++) {
      insert.run(`id-${i}`, 'notice', `标题 ${i} `.repeat(20), 'draft', '{"root":{}}', 1, 'x', 'x');
    }
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.db.close();
    const path = join(dataDir, DATABASE_FILE);
    // Overwrite pages in the middle of the file (b-tree pages of the drafts table), keeping
    // the header intact, as a failing disk or a half-copied file would.
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(40 * 4096);
    bytes.fill(0xa5, 8 * 4096, 30 * 4096);
    writeFileSync(path, bytes);
    const before = sha(path);
    const error = openError(() => openDatabase({ dataDir }));
    expect(error.problem).toBe('corrupt');
    expect(error.message).toMatch(/damaged/);
    expect(error.message).toMatch(/backup/);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0);
  });

  it('gives a clear error when the data folder cannot be created', () => {
    const dir = tempDir();
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const error = openError(() => openDatabase({ dataDir: join(blocker, 'data') }));
    expect(error.problem).toBe('data_dir_unusable');
    expect(error.message).toMatch(/--data-dir or DESK_DATA_DIR/);
  });

  it('gives a clear error when the data folder cannot be written', () => {
    // Root ignores permission bits, so use a place no one can write: a read-only proc file system.
    const error = openError(() => openDatabase({ dataDir: '/proc/self' }));
    expect(error.problem).toBe('data_dir_unusable');
    expect(error.message).toMatch(/cannot be used/);
  });
});
