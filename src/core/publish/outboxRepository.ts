import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { ChannelId } from '../../shared/content/channelId.ts';
import {
  AttemptSchema,
  publicationKey,
  type PublicationDetail,
  type PublicationView,
  type Resolution,
} from '../../shared/publish/publication.ts';
import { ACTIVE_STATES, type PublicationState } from '../../shared/publish/publicationState.ts';
import type { Progress, RemoteRef } from '../channels/adapter.ts';
import type { ChannelProblem } from '../channels/channelProblem.ts';
import type { Clock } from '../clock.ts';
import { DeskError } from '../errors.ts';
import { parseJsonColumn, parseRow } from '../store/parseRow.ts';
import type { StepAction, Transition } from './nextStep.ts';
import { heldForReauthProblem, interruptedProblem, missedProblem } from './outboxProblems.ts';
import {
  problemJson,
  remoteOf,
  SELECT_VIEW,
  toView,
  type AttemptRow,
  type PublicationRow,
} from './publicationRow.ts';
import { allowsResolution, refusedReschedule, refusedResolution } from './resolutionRules.ts';

/** One publication to write: one release revision on one channel account. */
export interface EnqueueItem {
  releaseId: string;
  revision: number;
  title: string;
  accountId: string;
  channel: ChannelId;
  scheduledAt: Date | null;
  /** index into `items` of the publication this one waits for (the portal page), or null */
  dependsOn: number | null;
  /**
   * index into `items` of a publication this one goes after (ordering only, no link): e.g. a
   * policy interpretation after the policy, on the same account. Absent or null: none.
   */
  after?: number | null | undefined;
}

export interface PublicationFilter {
  states?: PublicationState[] | undefined;
  releaseId?: string | undefined;
  accountId?: string | undefined;
  limit?: number | undefined;
}

/** The states in which the dispatcher claims a due publication, and what it asks then. */
export type ClaimableState = 'queued' | 'retrying' | 'publishing' | 'reconciling';
export const CLAIMABLE_STATES = [
  'queued',
  'retrying',
  'publishing',
  'reconciling',
] as const satisfies readonly ClaimableState[];

/** A due publication the dispatcher may claim (its dependency settled, no live lease). */
export interface DueCandidate {
  id: string;
  accountId: string;
  channel: ChannelId;
  sandbox: boolean;
  state: ClaimableState;
  nextAttemptAt: Date;
}

/** A publication claimed for one step, with what the step needs. */
export interface ClaimedPublication {
  view: PublicationView;
  action: StepAction;
  attemptNumber: number;
  startedAt: Date;
  leaseOwner: string;
  /** Where it is on the channel (for `status`), once known. */
  remote: RemoteRef | null;
  streak: number;
  waitingSince: Date | null;
  /** The page of the publication it depends on, when that one is published. */
  portalUrl: string | null;
}

/** What a recorded step changed: the publication, and any held with it (reauthorize). */
export interface Finished {
  view: PublicationView;
  held: PublicationView[];
}

const ProgressSchema = z.record(z.string(), z.string());

/** The states a dependency must reach before the publications that wait for it go. */
const SETTLED_DEPENDENCY = `('published', 'failed', 'cancelled', 'retracted')`;

/**
 * The outbox: publications and their attempts. Every change of state is one transaction with
 * what belongs to it (the claim with its attempt row, the outcome with its attempt row and
 * the publications held with it), so a crash leaves each publication either before its
 * request (not sent) or 'sending' (reconciled at the next start), never half-recorded.
 * JSON columns are parsed with their schemas on every read.
 */
export class OutboxRepository {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly statements = new Map<string, Statement>();

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Writes the publications of one action (Publish or Schedule) in one transaction, which
   * nests in the caller's when there is one. A time not in the future means now ('queued');
   * a future one 'scheduled'. `dependsOn` must point at an earlier item.
   */
  enqueue(items: EnqueueItem[], person: string): PublicationView[] {
    const now = this.clock.now();
    const stamp = now.toISOString();
    items.forEach((item, index) => this.checkItem(item, index));
    const ids = this.db.transaction(() => {
      const written: string[] = [];
      for (const item of items) {
        const id = randomUUID();
        const future = item.scheduledAt !== null && item.scheduledAt.getTime() > now.getTime();
        const at = future && item.scheduledAt ? item.scheduledAt.toISOString() : null;
        this.sql(
          `INSERT INTO publications
             (id, release_id, revision, title, account_id, channel, key, state, scheduled_at,
              next_attempt_at, depends_on, after_id, created_at, created_by, updated_at)
           VALUES (@id, @releaseId, @revision, @title, @accountId, @channel, @key, @state, @at,
              @next, @dependsOn, @after, @now, @person, @now)`,
        ).run({
          id,
          releaseId: item.releaseId,
          revision: item.revision,
          title: item.title,
          accountId: item.accountId,
          channel: item.channel,
          key: publicationKey(id),
          state: future ? 'scheduled' : 'queued',
          at,
          next: at ?? stamp,
          dependsOn: item.dependsOn === null ? null : written[item.dependsOn],
          after: item.after === null || item.after === undefined ? null : written[item.after],
          now: stamp,
          person,
        });
        written.push(id);
      }
      return written;
    })();
    return ids.map((id) => this.view(id));
  }

  get(id: string): PublicationDetail {
    const view = this.view(id);
    const attempts = this.sql(
      `SELECT number, action, started_at, finished_at, outcome, problem FROM publication_attempts
       WHERE publication_id = ? AND outcome IS NOT NULL ORDER BY number`,
    ).all(id) as AttemptRow[];
    return {
      ...view,
      attemptLog: attempts.map((row) => {
        const where = `publication_attempts ${id} #${row.number}`;
        return parseRow(
          AttemptSchema,
          {
            number: row.number,
            action: row.action,
            startedAt: row.started_at,
            finishedAt: row.finished_at,
            outcome: row.outcome,
            problem: row.problem === null ? null : parseJsonColumn(row.problem, where),
          },
          where,
        );
      }),
    };
  }

  /** Publications, newest first. */
  list(filter: PublicationFilter = {}): PublicationView[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit ?? -1 };
    if (filter.states !== undefined) {
      where.push('p.state IN (SELECT value FROM json_each(@states))');
      params['states'] = JSON.stringify(filter.states);
    }
    if (filter.releaseId !== undefined) {
      where.push('p.release_id = @releaseId');
      params['releaseId'] = filter.releaseId;
    }
    if (filter.accountId !== undefined) {
      where.push('p.account_id = @accountId');
      params['accountId'] = filter.accountId;
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.sql(
      `${SELECT_VIEW} ${clause} ORDER BY p.created_at DESC, p.rowid DESC LIMIT @limit`,
    ).all(params) as PublicationRow[];
    return rows.map((row) => toView(row));
  }

  /**
   * A person's decision. Each state allows only some (see RESOLUTIONS); anything else is
   * refused with a sentence naming the state. 'send-now' keeps the progress notes (the adapter
   * continues from them) and drops the schedule: it is now meant to go as soon as possible.
   */
  resolve(id: string, resolution: Resolution, person: string): PublicationView {
    const stamp = this.clock.now().toISOString();
    return this.db.transaction(() => {
      const { state } = this.view(id);
      if (!allowsResolution(state, resolution.kind))
        throw refusedResolution(state, resolution.kind);
      const common = { id, state, person, now: stamp };
      switch (resolution.kind) {
        case 'mark-published':
          this.sql(
            `UPDATE publications SET state = 'published', remote_url = @url, published_at = @now,
               next_attempt_at = NULL, last_problem = NULL, streak = 0, waiting_since = NULL,
               decided_by = @person, decided_at = @now, updated_at = @now
             WHERE id = @id AND state = @state`,
          ).run({ ...common, url: resolution.url });
          break;
        case 'send-now':
          this.sql(
            `UPDATE publications SET state = 'queued', next_attempt_at = @now, scheduled_at = NULL,
               streak = 0, waiting_since = NULL,
               decided_by = @person, decided_at = @now, updated_at = @now
             WHERE id = @id AND state = @state`,
          ).run(common);
          break;
        case 'cancel':
          this.sql(
            `UPDATE publications SET state = 'cancelled', next_attempt_at = NULL,
               streak = 0, waiting_since = NULL,
               decided_by = @person, decided_at = @now, updated_at = @now
             WHERE id = @id AND state = @state`,
          ).run(common);
          break;
        default: {
          const never: never = resolution;
          throw new Error(`Unknown resolution ${JSON.stringify(never)}`);
        }
      }
      return this.view(id);
    })();
  }

  /** Moves a scheduled or missed publication to another (future) time. */
  reschedule(id: string, at: Date, person: string): PublicationView {
    const now = this.clock.now();
    if (!(at.getTime() > now.getTime())) {
      throw new DeskError('invalid_input', 'Choose a time in the future.', {
        issues: [{ path: 'at', message: 'Choose a time in the future.' }],
      });
    }
    const stamp = now.toISOString();
    return this.db.transaction(() => {
      const { state } = this.view(id);
      if (state !== 'scheduled' && state !== 'missed') throw refusedReschedule(state);
      this.sql(
        `UPDATE publications SET state = 'scheduled', scheduled_at = @at, next_attempt_at = @at,
           last_problem = CASE WHEN state = 'missed' THEN NULL ELSE last_problem END,
           streak = 0, waiting_since = NULL,
           decided_by = @person, decided_at = @now, updated_at = @now
         WHERE id = @id AND state = @state`,
      ).run({ id, state, at: at.toISOString(), person, now: stamp });
      return this.view(id);
    })();
  }

  /**
   * Scheduled publications whose time passed more than `windowMs` ago, and queued ones that
   * were scheduled and never attempted, become 'missed': they wait for a person rather than
   * go out late by surprise.
   */
  markMissed(now: Date, windowMs: number): PublicationView[] {
    const cutoff = new Date(now.getTime() - windowMs).toISOString();
    return this.db.transaction(() => {
      const rows = this.sql(
        `SELECT id, channel FROM publications
         WHERE (state = 'scheduled' AND next_attempt_at < @cutoff)
            OR (state = 'queued' AND next_attempt_at < @cutoff AND attempts = 0
                AND scheduled_at IS NOT NULL AND scheduled_at < @cutoff)`,
      ).all({ cutoff }) as { id: string; channel: ChannelId }[];
      const update = this.sql(
        `UPDATE publications SET state = 'missed', next_attempt_at = NULL, last_problem = @problem,
           updated_at = @now WHERE id = @id`,
      );
      for (const row of rows) {
        update.run({
          id: row.id,
          problem: problemJson(missedProblem(row.channel, windowMs)),
          now: now.toISOString(),
        });
      }
      return rows.map((row) => this.view(row.id));
    })();
  }

  /** Scheduled publications whose time has come become 'queued' (due). */
  promoteDue(now: Date): PublicationView[] {
    const ids = this.sql(
      `UPDATE publications SET state = 'queued', updated_at = @now
       WHERE state = 'scheduled' AND next_attempt_at <= @now RETURNING id`,
    )
      .pluck()
      .all({ now: now.toISOString() }) as string[];
    return ids.map((id) => this.view(id));
  }

  /** The earliest next_attempt_at of the active states, or null when nothing is active. */
  nextDueAt(): Date | null {
    const at = this.sql(
      `SELECT min(next_attempt_at) FROM publications
       WHERE state IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .get(JSON.stringify(ACTIVE_STATES)) as string | null;
    return at === null ? null : new Date(at);
  }

  /** The earliest next_attempt_at after `now` among `states`, or null. */
  nextAfter(now: Date, states: readonly PublicationState[]): Date | null {
    const at = this.sql(
      `SELECT min(next_attempt_at) FROM publications
       WHERE state IN (SELECT value FROM json_each(@states)) AND next_attempt_at > @now`,
    )
      .pluck()
      .get({ states: JSON.stringify(states), now: now.toISOString() }) as string | null;
    return at === null ? null : new Date(at);
  }

  /**
   * Due publications of one channel in one state, oldest due first, at most `limit`: those
   * whose dependency is settled (or that were already sent: status checks and reconciliations
   * never wait) and that hold no live lease.
   */
  dueCandidates(
    now: Date,
    channel: ChannelId,
    state: ClaimableState,
    limit: number,
  ): DueCandidate[] {
    const rows = this.sql(
      `SELECT p.id, p.account_id, p.channel, p.state, p.next_attempt_at, a.sandbox
       FROM publications p
       JOIN channel_accounts a ON a.id = p.account_id
       LEFT JOIN publications d ON d.id = p.depends_on
       LEFT JOIN publications w ON w.id = p.after_id
       WHERE p.channel = @channel AND p.state = @state AND p.next_attempt_at <= @now
         AND (p.lease_until IS NULL OR p.lease_until <= @now)
         AND (p.state IN ('publishing', 'reconciling') OR p.depends_on IS NULL
              OR d.state IN ${SETTLED_DEPENDENCY})
         AND (p.state IN ('publishing', 'reconciling') OR p.after_id IS NULL
              OR w.state IN ${SETTLED_DEPENDENCY})
       ORDER BY p.next_attempt_at, p.rowid LIMIT @limit`,
    ).all({ channel, state, now: now.toISOString(), limit }) as {
      id: string;
      account_id: string;
      channel: ChannelId;
      state: ClaimableState;
      next_attempt_at: string;
      sandbox: number;
    }[];
    return rows.map((row) => ({
      id: row.id,
      accountId: row.account_id,
      channel: row.channel,
      sandbox: row.sandbox === 1,
      state: row.state,
      nextAttemptAt: new Date(row.next_attempt_at),
    }));
  }

  /**
   * Claims a due publication for one step, in one transaction with its attempt row (outcome
   * still open): a publish moves it to 'sending'; a status check or a reconciliation keeps
   * its state. Null when it is no longer in `state` or someone holds a live lease on it.
   */
  claim(
    id: string,
    state: ClaimableState,
    owner: string,
    leaseMs: number,
  ): ClaimedPublication | null {
    const now = this.clock.now();
    const stamp = now.toISOString();
    return this.db.transaction((): ClaimedPublication | null => {
      const row = this.sql(`${SELECT_VIEW} WHERE p.id = ?`).get(id) as PublicationRow | undefined;
      if (!row || row.state !== state) return null;
      if (row.lease_until !== null && row.lease_until > stamp) return null;
      const remote = remoteOf(row);
      const action: StepAction =
        state === 'reconciling'
          ? 'reconcile'
          : state === 'publishing' && remote
            ? 'status'
            : 'publish';
      const number = row.attempts + 1;
      // An attempt left open by a call whose lease ran out was interrupted.
      this.sql(
        `UPDATE publication_attempts SET outcome = 'interrupted'
         WHERE publication_id = ? AND outcome IS NULL`,
      ).run(id);
      this.sql(
        `UPDATE publications SET state = @next, lease_owner = @owner, lease_until = @until,
           attempts = @number, updated_at = @now WHERE id = @id`,
      ).run({
        id,
        next: action === 'publish' ? 'sending' : state,
        owner,
        until: new Date(now.getTime() + leaseMs).toISOString(),
        number,
        now: stamp,
      });
      this.sql(
        `INSERT INTO publication_attempts (publication_id, number, action, started_at)
         VALUES (?, ?, ?, ?)`,
      ).run(id, number, action, stamp);
      const dependency =
        row.depends_on === null
          ? undefined
          : (this.sql('SELECT state, remote_url FROM publications WHERE id = ?').get(
              row.depends_on,
            ) as { state: string; remote_url: string | null } | undefined);
      return {
        view: this.view(id),
        action,
        attemptNumber: number,
        startedAt: now,
        leaseOwner: owner,
        remote,
        streak: row.streak,
        waitingSince: row.waiting_since === null ? null : new Date(row.waiting_since),
        portalUrl: dependency?.state === 'published' ? dependency.remote_url : null,
      };
    })();
  }

  /** Extends a lease while its call runs; false when the lease is no longer this owner's. */
  renewLease(id: string, owner: string, leaseMs: number): boolean {
    const until = new Date(this.clock.now().getTime() + leaseMs).toISOString();
    return (
      this.sql('UPDATE publications SET lease_until = ? WHERE id = ? AND lease_owner = ?').run(
        until,
        id,
        owner,
      ).changes > 0
    );
  }

  /**
   * The publication's progress notes: `save` merges and commits at once, before the adapter's
   * next request, so a later attempt or reconciliation continues from them.
   */
  progressOf(id: string): Progress {
    const where = `publications ${id} progress`;
    return {
      get: () => {
        const text = this.sql('SELECT progress FROM publications WHERE id = ?').pluck().get(id) as
          string | undefined;
        if (text === undefined) throw notFound(id);
        return parseRow(ProgressSchema, parseJsonColumn(text, where), where);
      },
      save: (patch) => {
        const clean = parseRow(ProgressSchema, patch, `${where} (patch)`);
        this.sql('UPDATE publications SET progress = json_patch(progress, ?) WHERE id = ?').run(
          JSON.stringify(clean),
          id,
        );
      },
    };
  }

  /**
   * Records a step's outcome in one transaction: the publication's new state, its attempt
   * row completed, the lease released; with `holdAccount`, the account's other publications
   * that would be sent now ('queued', 'retrying') are held as 'needs_reauth' too, so the
   * channel is not asked again with credentials it refused.
   */
  finish(claim: ClaimedPublication, t: Transition): Finished {
    const now = this.clock.now();
    const stamp = now.toISOString();
    const id = claim.view.id;
    return this.db.transaction((): Finished => {
      const changed = this.sql(
        `UPDATE publications SET state = @state, next_attempt_at = @next,
           remote_id = CASE WHEN @setRemote THEN @remoteId ELSE remote_id END,
           remote_url = CASE WHEN @setRemote THEN @remoteUrl ELSE remote_url END,
           remote_extra = CASE WHEN @setRemote THEN @remoteExtra ELSE remote_extra END,
           published_at = coalesce(@publishedAt, published_at),
           last_problem = @problem, streak = @streak, waiting_since = @waitingSince,
           lease_owner = NULL, lease_until = NULL, updated_at = @now
         WHERE id = @id AND lease_owner = @owner`,
      ).run({
        id,
        owner: claim.leaseOwner,
        state: t.state,
        next: t.nextAttemptAt?.toISOString() ?? null,
        setRemote: t.remote ? 1 : 0,
        remoteId: t.remote?.remoteId ?? null,
        remoteUrl: t.remote?.url ?? null,
        remoteExtra: t.remote?.extra ? JSON.stringify(t.remote.extra) : null,
        publishedAt: t.publishedAt?.toISOString() ?? null,
        problem: t.problem ? problemJson(t.problem) : null,
        streak: t.streak,
        waitingSince: t.waitingSince?.toISOString() ?? null,
        now: stamp,
      }).changes;
      if (changed === 0) {
        throw new DeskError(
          'conflict',
          `The outcome of publication ${id} was not recorded: its lease is no longer held.`,
        );
      }
      this.sql(
        `UPDATE publication_attempts SET finished_at = @now, outcome = @outcome, problem = @problem
         WHERE publication_id = @id AND number = @number`,
      ).run({
        id,
        number: claim.attemptNumber,
        now: stamp,
        outcome: t.attempt.outcome,
        problem: t.attempt.problem ? problemJson(t.attempt.problem) : null,
      });
      const held = t.holdAccount ? this.holdAccount(claim.view, t.holdAccount, stamp) : [];
      return { view: this.view(id), held };
    })();
  }

  /**
   * Every 'sending' publication not in `inFlight` (with `leaseExpiredBy`: only those whose
   * lease ran out before then) was interrupted mid-request. Its open attempt becomes
   * 'interrupted'; it goes to 'reconciling' (the channel is asked before anything is sent
   * again), or back to 'queued' when its adapter says a publish is safe to repeat. At a start
   * (no `leaseExpiredBy`), stale leases on status checks and reconciliations (safe to repeat)
   * are released too. One transaction.
   */
  recoverInterrupted(
    repeatSafe: (publication: PublicationView) => boolean,
    inFlight: ReadonlySet<string> = new Set(),
    leaseExpiredBy?: Date,
    /** Reconcile no earlier than this long after the interrupted request was sent. */
    settleMs = 0,
  ): PublicationView[] {
    const stamp = this.clock.now().toISOString();
    const cutoff = leaseExpiredBy?.toISOString() ?? null;
    return this.db.transaction(() => {
      const ids = (
        this.sql(
          `SELECT id FROM publications WHERE state = 'sending'
             AND (@cutoff IS NULL OR lease_until IS NULL OR lease_until < @cutoff)`,
        )
          .pluck()
          .all({ cutoff }) as string[]
      ).filter((id) => !inFlight.has(id));
      const recovered: PublicationView[] = [];
      for (const id of ids) {
        const view = this.view(id);
        const safe = repeatSafe(view);
        const sentAt = this.sql(
          `SELECT max(started_at) FROM publication_attempts WHERE publication_id = ? AND outcome IS NULL`,
        )
          .pluck()
          .get(id) as string | null;
        // The channel may still be handling the interrupted request: ask it only once that
        // request can no longer land (a repeat-safe send may go again at once).
        const next = safe
          ? stamp
          : new Date(
              Math.max(
                Date.parse(stamp),
                (sentAt === null ? Date.parse(stamp) : Date.parse(sentAt)) + settleMs,
              ),
            ).toISOString();
        this.sql(
          `UPDATE publication_attempts SET outcome = 'interrupted', problem = @problem
           WHERE publication_id = @id AND outcome IS NULL`,
        ).run({ id, problem: problemJson(interruptedProblem(view.channel)) });
        this.sql(
          `UPDATE publications SET state = @state, next_attempt_at = @next,
             streak = CASE WHEN @safe THEN streak ELSE 0 END,
             waiting_since = CASE WHEN @safe THEN waiting_since ELSE @now END,
             last_problem = CASE WHEN @safe THEN last_problem ELSE @problem END,
             lease_owner = NULL, lease_until = NULL, updated_at = @now
           WHERE id = @id`,
        ).run({
          id,
          state: safe ? 'queued' : 'reconciling',
          safe: safe ? 1 : 0,
          problem: problemJson(interruptedProblem(view.channel)),
          now: stamp,
          next,
        });
        recovered.push(this.view(id));
      }
      if (cutoff !== null) return recovered;
      const stale = (
        this.sql(
          `SELECT id FROM publications
           WHERE lease_owner IS NOT NULL AND state IN ('publishing', 'reconciling')`,
        )
          .pluck()
          .all() as string[]
      ).filter((id) => !inFlight.has(id));
      for (const id of stale) {
        this.sql(
          `UPDATE publication_attempts SET outcome = 'interrupted'
           WHERE publication_id = ? AND outcome IS NULL`,
        ).run(id);
        this.sql('UPDATE publications SET lease_owner = NULL, lease_until = NULL WHERE id = ?').run(
          id,
        );
      }
      return recovered;
    })();
  }

  /**
   * After the account's credentials were renewed: its publications held as 'needs_reauth'
   * are queued again (progress kept: the adapters continue where they stopped).
   */
  resumeAccount(accountId: string, person: string): PublicationView[] {
    const stamp = this.clock.now().toISOString();
    const ids = this.sql(
      `UPDATE publications SET state = 'queued', next_attempt_at = @now, scheduled_at = NULL,
         streak = 0, waiting_since = NULL, decided_by = @person, decided_at = @now,
         updated_at = @now
       WHERE account_id = @accountId AND state = 'needs_reauth' RETURNING id`,
    )
      .pluck()
      .all({ accountId, person, now: stamp }) as string[];
    return ids.map((id) => this.view(id));
  }

  private holdAccount(
    publication: PublicationView,
    cause: ChannelProblem,
    stamp: string,
  ): PublicationView[] {
    const problem = heldForReauthProblem(publication.channel, publication.accountName, cause);
    const ids = this.sql(
      `UPDATE publications SET state = 'needs_reauth', next_attempt_at = NULL,
         last_problem = @problem, streak = 0, waiting_since = NULL, updated_at = @now
       WHERE account_id = @accountId AND state IN ('queued', 'retrying') AND id != @id
       RETURNING id`,
    )
      .pluck()
      .all({
        accountId: publication.accountId,
        id: publication.id,
        problem: problemJson(problem),
        now: stamp,
      }) as string[];
    return ids.map((id) => this.view(id));
  }

  private checkItem(item: EnqueueItem, index: number): void {
    const invalid = (path: string, message: string) =>
      new DeskError('invalid_input', message, {
        issues: [{ path: `items.${index}.${path}`, message }],
      });
    if (item.after !== null && item.after !== undefined) {
      if (!Number.isInteger(item.after) || item.after < 0 || item.after >= index) {
        throw invalid('after', 'A publication can only go after one listed before it.');
      }
    }
    if (item.dependsOn !== null) {
      if (!Number.isInteger(item.dependsOn) || item.dependsOn < 0 || item.dependsOn >= index) {
        throw invalid('dependsOn', 'A publication can only wait for one listed before it.');
      }
    }
    if (!Number.isInteger(item.revision) || item.revision < 1) {
      throw invalid('revision', 'The revision must be a positive whole number.');
    }
    const revision = this.sql(
      'SELECT 1 FROM draft_revisions WHERE draft_id = ? AND number = ?',
    ).get(item.releaseId, item.revision);
    if (!revision) {
      throw invalid('revision', `The release has no revision ${item.revision} to publish.`);
    }
    const account = this.sql('SELECT channel FROM channel_accounts WHERE id = ?').get(
      item.accountId,
    ) as { channel: string } | undefined;
    if (!account) throw invalid('accountId', 'There is no such channel account.');
    if (account.channel !== item.channel) {
      throw invalid('channel', 'The account belongs to another channel.');
    }
  }

  private row(id: string): PublicationRow {
    const row = this.sql(`${SELECT_VIEW} WHERE p.id = ?`).get(id) as PublicationRow | undefined;
    if (!row) throw notFound(id);
    return row;
  }

  private view(id: string): PublicationView {
    return toView(this.row(id));
  }

  /** A prepared statement, prepared once per distinct SQL text. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}

function notFound(id: string): DeskError {
  return new DeskError('not_found', `No publication ${id}.`);
}
