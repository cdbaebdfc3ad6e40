import type { Migration } from '../migration.ts';

/** Drafts (the working copy of each document) and the office settings. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        title       TEXT NOT NULL,
        status      TEXT NOT NULL,
        body        TEXT NOT NULL CHECK (json_valid(body)),
        version     INTEGER NOT NULL CHECK (version > 0),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX drafts_by_updated ON drafts (updated_at DESC, id);

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
    `);
  },
};
