import type { Migration } from '../migration.ts';

/**
 * The durable outbox (DESIGN.md, "Publishing"): one row per publication (one release revision
 * on one channel account) with its state, schedule, lease, remote reference, progress notes
 * and last problem, and the log of the dispatcher's attempts at it.
 *
 * The state list is written out rather than built from PUBLICATION_STATES: a released
 * migration never changes, and a new state comes with a migration of its own.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE publications (
        id              TEXT PRIMARY KEY,
        release_id      TEXT NOT NULL REFERENCES drafts (id),
        revision        INTEGER NOT NULL CHECK (revision > 0),
        title           TEXT NOT NULL,
        -- RESTRICT: an account with publications keeps its history; it cannot be removed.
        account_id      TEXT NOT NULL REFERENCES channel_accounts (id) ON DELETE RESTRICT,
        channel         TEXT NOT NULL CHECK (channel IN ('portal', 'wechat', 'weibo', 'mastodon', 'appfeed')),
        -- The stable key the adapters derive idempotency keys, slugs and webhook ids from.
        key             TEXT NOT NULL UNIQUE
                          CHECK (length(key) BETWEEN 1 AND 64 AND key NOT GLOB '*[^a-z0-9-]*'),
        state           TEXT NOT NULL CHECK (state IN (
                          'scheduled', 'queued', 'sending', 'publishing', 'retrying', 'reconciling',
                          'published', 'failed', 'needs_reauth', 'unknown', 'missed', 'cancelled',
                          'retracted')),
        scheduled_at    TEXT,
        next_attempt_at TEXT,
        -- Attempt rows written so far (publication_attempts.number of the last one).
        attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        lease_owner     TEXT,
        lease_until     TEXT,
        remote_id       TEXT,
        remote_url      TEXT,
        remote_extra    TEXT CHECK (remote_extra IS NULL OR json_valid(remote_extra)),
        progress        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(progress)),
        last_problem    TEXT CHECK (last_problem IS NULL OR json_valid(last_problem)),
        depends_on      TEXT REFERENCES publications (id),
        -- The current run of automatic repeats (retries, status checks, reconciliations):
        -- how many so far and since when. Bounds every such run (retryPolicy.ts).
        streak          INTEGER NOT NULL DEFAULT 0 CHECK (streak >= 0),
        waiting_since   TEXT,
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        published_at    TEXT,
        -- The last decision a person took on it (resolve, reschedule): who and when.
        decided_by      TEXT,
        decided_at      TEXT
      ) STRICT;
      -- The dispatcher: what is due (nextDueAt, markMissed) and, per channel, what to claim.
      CREATE INDEX publications_due ON publications (state, next_attempt_at);
      CREATE INDEX publications_claim ON publications (channel, state, next_attempt_at);
      CREATE INDEX publications_by_release ON publications (release_id);
      CREATE INDEX publications_by_created ON publications (created_at);
      -- Removing an account checks this (RESTRICT); holding an account's queue uses it too.
      CREATE INDEX publications_by_account ON publications (account_id, state);

      -- outcome NULL: the call is in flight (written with the claim, completed with the
      -- outcome); a row still NULL after a restart is marked 'interrupted'.
      CREATE TABLE publication_attempts (
        publication_id  TEXT NOT NULL REFERENCES publications (id),
        number          INTEGER NOT NULL CHECK (number > 0),
        action          TEXT NOT NULL CHECK (action IN ('publish', 'status', 'reconcile')),
        started_at      TEXT NOT NULL,
        finished_at     TEXT,
        outcome         TEXT CHECK (outcome IS NULL OR outcome IN (
                          'published', 'pending', 'retry', 'failed', 'unknown',
                          'found', 'absent', 'undetermined', 'interrupted')),
        problem         TEXT CHECK (problem IS NULL OR json_valid(problem)),
        PRIMARY KEY (publication_id, number)
      ) STRICT;
    `);
  },
};
