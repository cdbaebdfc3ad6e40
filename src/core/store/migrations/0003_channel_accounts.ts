import type { Migration } from '../migration.ts';

/**
 * Channel accounts: one row per account of a channel (settings as JSON, secrets only as an
 * encrypted blob), and the per-account cache of uploaded images (WeChat uploadimg URLs,
 * WordPress media ids) so an image is uploaded once per account.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'channel accounts',
  up(db) {
    db.exec(`
      CREATE TABLE channel_accounts (
        id             TEXT PRIMARY KEY,
        channel        TEXT NOT NULL CHECK (channel IN ('portal', 'wechat', 'weibo', 'mastodon', 'appfeed')),
        name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        sandbox        INTEGER NOT NULL CHECK (sandbox IN (0, 1)),
        settings       TEXT NOT NULL CHECK (json_valid(settings)),
        -- Encrypted by the host's secret box (safeStorage or the key file); never clear text.
        secrets        BLOB,
        -- Which secrets the blob holds (names only), so listing never opens it.
        secret_names   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(secret_names)),
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        -- The last connection test: when, and its outcome as JSON (ok, account name, problem).
        checked_at     TEXT,
        check_result   TEXT CHECK (check_result IS NULL OR json_valid(check_result)),
        UNIQUE (channel, name)
      ) STRICT;

      CREATE TABLE channel_uploads (
        account_id     TEXT NOT NULL REFERENCES channel_accounts (id) ON DELETE CASCADE,
        kind           TEXT NOT NULL,
        hash           TEXT NOT NULL CHECK (length(hash) = 64),
        value          TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        PRIMARY KEY (account_id, kind, hash)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
