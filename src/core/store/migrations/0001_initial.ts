import type { Migration } from '../migration.ts';

/** Drafts (the working copy of each document) and the office settings. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      -- seq: a stable integer key for the full-text indexes (an implicit rowid may change on VACUUM).
      -- The large columns (meta, body) come last, so lists and sorts read the small ones
      -- without walking a long body's overflow pages.
      CREATE TABLE drafts (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL,
        title       TEXT NOT NULL,
        status      TEXT NOT NULL,
        version     INTEGER NOT NULL CHECK (version > 0),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL DEFAULT '',
        updated_by  TEXT NOT NULL DEFAULT '',
        meta        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
        body        TEXT NOT NULL CHECK (json_valid(body))
      ) STRICT;
      -- One index per sort order of the drafts list (see DraftsRepository.list).
      CREATE INDEX drafts_by_updated ON drafts (updated_at DESC, id);
      CREATE INDEX drafts_by_created ON drafts (created_at DESC, id);
      CREATE INDEX drafts_by_title ON drafts (title, id);
      CREATE INDEX drafts_by_author ON drafts (created_by, updated_at DESC);

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
    `);
  },
};
