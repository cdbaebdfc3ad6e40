import type { Migration } from '../migration.ts';

/**
 * The editor's data: immutable revisions, the two full-text
 * indexes (trigram, and bigrams for one- and two-character Chinese queries; see
 * search/searchQuery.ts) and the media library.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'revisions, search and media',
  up(db) {
    db.exec(`

      -- A revision is written once and never changed: the triggers refuse UPDATE and DELETE.
      CREATE TABLE draft_revisions (
        draft_id       TEXT NOT NULL REFERENCES drafts (id),
        number         INTEGER NOT NULL CHECK (number > 0),
        title          TEXT NOT NULL,
        meta           TEXT NOT NULL CHECK (json_valid(meta)),
        body           TEXT NOT NULL CHECK (json_valid(body)),
        author         TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        reason         TEXT NOT NULL,
        restored_from  INTEGER,
        PRIMARY KEY (draft_id, number)
      ) STRICT;
      CREATE TRIGGER draft_revisions_no_update BEFORE UPDATE ON draft_revisions
        BEGIN SELECT RAISE(ABORT, 'draft revisions are immutable'); END;
      CREATE TRIGGER draft_revisions_no_delete BEFORE DELETE ON draft_revisions
        BEGIN SELECT RAISE(ABORT, 'draft revisions are immutable'); END;

      CREATE VIRTUAL TABLE drafts_trigram USING fts5 (title, body, tokenize = 'trigram');
      CREATE VIRTUAL TABLE drafts_bigram USING fts5 (grams, tokenize = 'unicode61 remove_diacritics 2');

      CREATE TABLE media (
        hash           TEXT PRIMARY KEY CHECK (length(hash) = 64),
        mime_type      TEXT NOT NULL,
        byte_length    INTEGER NOT NULL CHECK (byte_length > 0),
        width          INTEGER,
        height         INTEGER,
        original_name  TEXT NOT NULL,
        created_at     TEXT NOT NULL
      ) STRICT;
    `);
  },
};
