import type { Migration } from '../migration.ts';

/**
 * Retractions and corrections of published releases, one row per publication and request:
 * what was asked, of whom, and what the channel did (or what a person must do by hand).
 * Append-only: the history keeps every request.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'publication changes',
  up(db) {
    db.exec(`
      CREATE TABLE publication_changes (
        publication_id  TEXT NOT NULL REFERENCES publications (id),
        number          INTEGER NOT NULL CHECK (number > 0),
        kind            TEXT NOT NULL CHECK (kind IN ('retract', 'correct')),
        requested_at    TEXT NOT NULL,
        requested_by    TEXT NOT NULL,
        reason          TEXT NOT NULL DEFAULT '',
        -- correct: the revision the channel was brought to.
        revision        INTEGER,
        outcome         TEXT NOT NULL CHECK (outcome IN ('done', 'manual', 'retry', 'failed', 'unknown', 'confirmed')),
        problem         TEXT CHECK (problem IS NULL OR json_valid(problem)),
        url             TEXT,
        PRIMARY KEY (publication_id, number)
      ) STRICT;
      CREATE TRIGGER publication_changes_no_update BEFORE UPDATE ON publication_changes
        BEGIN SELECT RAISE(ABORT, 'publication changes are append-only'); END;
      CREATE TRIGGER publication_changes_no_delete BEFORE DELETE ON publication_changes
        BEGIN SELECT RAISE(ABORT, 'publication changes are append-only'); END;
    `);
  },
};
