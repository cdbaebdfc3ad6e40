import type { Migration } from '../migration.ts';

/**
 * The order of publications published together (after_id), and retractions and corrections
 * of published releases, one row per publication and request:
 * what was asked, of whom, and what the channel did (or what a person must do by hand).
 * Append-only: the history keeps every request.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'publication order and changes',
  up(db) {
    db.exec(`
      -- Ordering only (not the portal link): a publication goes after another of the same
      -- account has settled, e.g. a policy interpretation after the policy it explains.
      ALTER TABLE publications ADD COLUMN after_id TEXT REFERENCES publications (id);

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
