import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ChannelProblemView } from '../../shared/channels/account.ts';
import {
  PublicationChangeSchema,
  type PublicationChange,
} from '../../shared/publish/publicationChange.ts';
import type { RemoteRef } from '../channels/adapter.ts';
import type { Clock } from '../clock.ts';
import { DeskError } from '../errors.ts';
import { parseJsonColumn, parseRow } from '../store/parseRow.ts';

const ExtraSchema = z.record(z.string(), z.string());

interface ChangeRow {
  publication_id: string;
  channel: string;
  account_name: string;
  number: number;
  kind: string;
  requested_at: string;
  requested_by: string;
  reason: string;
  revision: number | null;
  outcome: string;
  problem: string | null;
  url: string | null;
}

/**
 * The record of retractions and corrections (append-only), and the two changes they make to a
 * publication: marked retracted, or brought to a newer revision. The outbox owns every other
 * transition of a publication.
 */
export class ChangesRepository {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Where a published publication lives on its channel (with what later calls need). */
  remoteOf(publicationId: string): RemoteRef {
    const row = this.db
      .prepare('SELECT remote_id, remote_url, remote_extra FROM publications WHERE id = ?')
      .get(publicationId) as
      | { remote_id: string | null; remote_url: string | null; remote_extra: string | null }
      | undefined;
    if (!row || row.remote_id === null) {
      throw new DeskError(
        'refused',
        `Publication ${publicationId} has no place on its channel yet.`,
      );
    }
    const where = `publications ${publicationId} remote_extra`;
    return {
      remoteId: row.remote_id,
      url: row.remote_url,
      ...(row.remote_extra === null
        ? {}
        : { extra: parseRow(ExtraSchema, parseJsonColumn(row.remote_extra, where), where) }),
    };
  }

  /**
   * Records one request's outcome; with `retracted`, the publication is marked retracted in
   * the same transaction; with `revision`, it now shows that revision.
   */
  record(change: {
    publicationId: string;
    kind: 'retract' | 'correct';
    person: string;
    reason: string;
    revision: number | null;
    outcome: PublicationChange['outcome'];
    problem: ChannelProblemView | null;
    url: string | null;
    retracted?: boolean;
  }): void {
    const now = this.clock.now().toISOString();
    this.db.transaction(() => {
      const { n } = this.db
        .prepare(
          'SELECT coalesce(max(number), 0) + 1 AS n FROM publication_changes WHERE publication_id = ?',
        )
        .get(change.publicationId) as { n: number };
      this.db
        .prepare(
          `INSERT INTO publication_changes
             (publication_id, number, kind, requested_at, requested_by, reason, revision, outcome, problem, url)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          change.publicationId,
          n,
          change.kind,
          now,
          change.person,
          change.reason,
          change.revision,
          change.outcome,
          change.problem ? JSON.stringify(change.problem) : null,
          change.url,
        );
      if (change.retracted) {
        this.db
          .prepare(
            "UPDATE publications SET state = 'retracted', updated_at = ? WHERE id = ? AND state = 'published'",
          )
          .run(now, change.publicationId);
      }
      if (change.kind === 'correct' && change.outcome === 'done' && change.revision !== null) {
        this.db
          .prepare('UPDATE publications SET revision = ?, updated_at = ? WHERE id = ?')
          .run(change.revision, now, change.publicationId);
      }
    })();
  }

  /** Every change of a release's publications, oldest first. */
  list(releaseId: string): PublicationChange[] {
    const rows = this.db
      .prepare(
        `SELECT c.*, p.channel AS channel, a.name AS account_name
           FROM publication_changes c
           JOIN publications p ON p.id = c.publication_id
           JOIN channel_accounts a ON a.id = p.account_id
          WHERE p.release_id = ?
          ORDER BY c.requested_at, c.publication_id, c.number`,
      )
      .all(releaseId) as ChangeRow[];
    return rows.map((row) => {
      const where = `publication_changes ${row.publication_id}/${row.number}`;
      return parseRow(
        PublicationChangeSchema,
        {
          publicationId: row.publication_id,
          channel: row.channel,
          accountName: row.account_name,
          number: row.number,
          kind: row.kind,
          requestedAt: row.requested_at,
          requestedBy: row.requested_by,
          reason: row.reason,
          revision: row.revision,
          outcome: row.outcome,
          problem: row.problem === null ? null : parseJsonColumn(row.problem, where),
          url: row.url,
        },
        where,
      );
    });
  }
}
