import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { DocumentKind } from '../../shared/domain/documentKind.ts';
import { emptyMeta, type DocumentMeta } from '../../shared/domain/documentMeta.ts';
import type { DraftStatus } from '../../shared/domain/draftStatus.ts';
import {
  DraftSchema,
  DraftSummarySchema,
  RevisionSchema,
  RevisionSummarySchema,
  type Draft,
  type DraftSummary,
  type Revision,
  type RevisionReason,
  type RevisionSummary,
} from '../../shared/domain/draft.ts';
import { emptyEditorState, type EditorState } from '../../shared/domain/editorState.ts';
import { plainText } from '../../shared/document/plainText.ts';
import { textMetrics } from '../../shared/document/textMetrics.ts';
import type { Clock } from '../clock.ts';
import { DeskError } from '../errors.ts';
import { parseSearchQuery, snippetOf } from '../search/searchQuery.ts';
import { parseJsonColumn, parseRow } from '../store/parseRow.ts';
import { DraftIndex } from './draftIndex.ts';

/**
 * A new revision is written from the working copy when someone else starts editing, or when
 * editing resumes after this long a pause: revisions then mark editing sessions, not
 * keystrokes (autosave runs every second or two).
 */
export const CHECKPOINT_AFTER_MS = 5 * 60 * 1000;

interface DraftRow {
  seq: number;
  id: string;
  kind: string;
  title: string;
  status: string;
  meta: string;
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

interface RevisionRow {
  draft_id: string;
  number: number;
  title: string;
  meta: string;
  body: string;
  author: string;
  created_at: string;
  reason: string;
  restored_from: number | null;
}

export type DraftSort = 'updatedAt' | 'createdAt' | 'title';

export interface DraftFilter {
  kind?: DocumentKind | undefined;
  status?: DraftStatus | undefined;
  createdBy?: string | undefined;
  /** Inclusive lower and exclusive upper bound on updatedAt (UTC ISO). */
  updatedFrom?: string | undefined;
  updatedBefore?: string | undefined;
  query?: string | undefined;
  sort: DraftSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface DraftChange {
  id: string;
  baseVersion: number;
  title?: string | undefined;
  meta?: DocumentMeta | undefined;
  body?: EditorState | undefined;
}

const SORT_COLUMN: Record<DraftSort, string> = {
  updatedAt: 'updated_at',
  createdAt: 'created_at',
  title: 'title',
};
const SORT_INDEX: Record<DraftSort, string> = {
  updatedAt: 'drafts_by_updated',
  createdAt: 'drafts_by_created',
  title: 'drafts_by_title',
};
const SUMMARY_COLUMNS =
  'seq, id, kind, title, status, version, created_at, updated_at, created_by, updated_by';

/**
 * Drafts: the working copy of each document, its immutable revisions and its search index.
 * Every read is parsed with its schema; every change is one transaction with its index update
 * and, where due, its revision.
 */
export class DraftsRepository {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly index: DraftIndex;
  private readonly statements = new Map<string, Statement>();

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
    this.index = new DraftIndex(db);
  }

  /** A prepared statement, prepared once per distinct SQL text (lists build a few variants). */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  list(filter: DraftFilter): { items: DraftSummary[]; total: number } {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit, offset: filter.offset };
    const add = (clause: string, name: string, value: string | undefined) => {
      if (value === undefined || value === '') return;
      where.push(clause);
      params[name] = value;
    };
    add('kind = @kind', 'kind', filter.kind);
    add('status = @status', 'status', filter.status);
    add('created_by = @createdBy', 'createdBy', filter.createdBy);
    add('updated_at >= @updatedFrom', 'updatedFrom', filter.updatedFrom);
    add('updated_at < @updatedBefore', 'updatedBefore', filter.updatedBefore);
    const terms = filter.query ? parseSearchQuery(filter.query) : [];
    let matching: string | undefined;
    if (terms.length > 0) {
      // One MATCH per index with its terms ANDed (far cheaper than intersecting term by term).
      const byIndex = (index: 'trigram' | 'bigram') =>
        terms.filter((t) => t.index === index).map((t) => t.match);
      matching = (['trigram', 'bigram'] as const)
        .filter((index) => byIndex(index).length > 0)
        .map((index) => {
          params[index] = byIndex(index).join(' AND ');
          return `SELECT rowid FROM drafts_${index} WHERE drafts_${index} MATCH @${index}`;
        })
        .join(' INTERSECT ');
      where.push(`seq IN (${matching})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = `${SORT_COLUMN[filter.sort]} ${filter.order === 'asc' ? 'ASC' : 'DESC'}, id`;
    // With a search, walk the sort order's index and keep the matches: a common word matches
    // thousands of drafts, and sorting them all to show the first page is what would be slow.
    const from = matching === undefined ? 'drafts' : `drafts INDEXED BY ${SORT_INDEX[filter.sort]}`;
    const rows = this.sql(
      `SELECT ${SUMMARY_COLUMNS} FROM ${from} ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    ).all(params) as DraftRow[];
    // A search alone is counted in the index, without visiting the drafts it found.
    const countSql =
      matching !== undefined && where.length === 1
        ? `SELECT count(*) AS total FROM (${matching})`
        : `SELECT count(*) AS total FROM drafts ${clause}`;
    const { total } = this.sql(countSql).get(params) as { total: number };
    const bodyOf = this.sql('SELECT body FROM drafts_trigram WHERE rowid = ?').pluck();
    return {
      items: rows.map((row) => {
        const snippet =
          terms.length > 0 ? snippetOf(String(bodyOf.get(row.seq) ?? ''), terms) : undefined;
        return parseRow(
          DraftSummarySchema,
          { ...toSummary(row), ...(snippet ? { snippet } : {}) },
          `drafts ${row.id}`,
        );
      }),
      total,
    };
  }

  get(id: string): Draft {
    return toDraft(this.row(id));
  }

  create(
    input: {
      kind: DocumentKind;
      title: string;
      meta?: DocumentMeta | undefined;
      body?: EditorState | undefined;
    },
    author: string,
  ): Draft {
    const now = this.clock.now().toISOString();
    const meta = input.meta ?? emptyMeta(input.kind);
    if (meta.kind !== input.kind) throw kindMismatch(input.kind, meta.kind);
    const draft = parseRow(
      DraftSchema,
      {
        id: randomUUID(),
        kind: input.kind,
        title: input.title,
        status: 'draft',
        meta,
        body: input.body ?? emptyEditorState(),
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: author,
        updatedBy: author,
      },
      'new draft',
    );
    this.db.transaction(() => {
      const { lastInsertRowid } = this.sql(
        `INSERT INTO drafts (id, kind, title, status, meta, body, version, created_at, updated_at, created_by, updated_by)
           VALUES (@id, @kind, @title, @status, @meta, @body, @version, @createdAt, @updatedAt, @createdBy, @updatedBy)`,
      ).run({ ...draft, meta: JSON.stringify(draft.meta), body: JSON.stringify(draft.body) });
      this.index.put(Number(lastInsertRowid), draft.title, plainText(draft.body));
      this.writeRevision(
        draft.id,
        { title: draft.title, meta: draft.meta, body: draft.body },
        author,
        now,
        'created',
        null,
      );
    })();
    return draft;
  }

  /**
   * Saves a change made on top of `baseVersion`. Someone else's newer save is never
   * overwritten: that is a `conflict`, and the caller reloads. Before the change lands, the
   * working copy becomes a revision when another person edits it or after a pause of
   * CHECKPOINT_AFTER_MS (see there).
   */
  save(change: DraftChange, author: string): DraftSummary {
    const now = this.clock.now();
    return this.db
      .transaction((): DraftSummary => {
        const current = this.row(change.id);
        if (current.version !== change.baseVersion)
          throw conflict(current.version, change.baseVersion);
        if (change.meta && change.meta.kind !== current.kind)
          throw kindMismatch(current.kind, change.meta.kind);
        const sessionEnded =
          current.updated_by !== author ||
          now.getTime() - Date.parse(current.updated_at) >= CHECKPOINT_AFTER_MS;
        if (sessionEnded) this.checkpointRow(current, 'checkpoint');
        const next = {
          title: change.title ?? current.title,
          meta: change.meta === undefined ? current.meta : JSON.stringify(change.meta),
          body: change.body === undefined ? current.body : JSON.stringify(change.body),
        };
        this.sql(
          `UPDATE drafts SET title = @title, meta = @meta, body = @body, version = version + 1,
               updated_at = @now, updated_by = @author
             WHERE id = @id`,
        ).run({ ...next, id: change.id, now: now.toISOString(), author });
        if (change.title !== undefined || change.body !== undefined) {
          const body =
            change.body ?? (parseJsonColumn(current.body, `drafts ${current.id}`) as EditorState);
          this.index.put(current.seq, next.title, plainText(body));
        }
        return parseRow(DraftSummarySchema, toSummary(this.row(change.id)), `drafts ${change.id}`);
      })
      .immediate();
  }

  /** Makes the working copy a revision now (Ctrl+S, closing the draft), unless it already is one. */
  checkpoint(id: string): RevisionSummary {
    return this.db
      .transaction(() => {
        const current = this.row(id);
        this.checkpointRow(current, 'manual');
        return this.revisionSummaries(id)[0] as RevisionSummary;
      })
      .immediate();
  }

  /** Revisions of a draft, newest first. */
  revisions(id: string): RevisionSummary[] {
    this.row(id);
    return this.revisionSummaries(id);
  }

  revision(id: string, number: number): Revision {
    const row = this.sql('SELECT * FROM draft_revisions WHERE draft_id = ? AND number = ?').get(
      id,
      number,
    ) as RevisionRow | undefined;
    if (!row) throw new DeskError('not_found', `Draft ${id} has no revision ${number}.`);
    return toRevision(row, this.kindOf(id));
  }

  /**
   * Brings back an earlier revision's title, fields and body as the working copy, and records
   * that as a new revision; nothing is overwritten (the working copy is kept as a revision
   * first, if it is not one already).
   */
  restore(id: string, number: number, baseVersion: number, author: string): DraftSummary {
    const now = this.clock.now().toISOString();
    return this.db
      .transaction(() => {
        const current = this.row(id);
        if (current.version !== baseVersion) throw conflict(current.version, baseVersion);
        const old = this.revision(id, number);
        this.checkpointRow(current, 'checkpoint');
        this.sql(
          `UPDATE drafts SET title = @title, meta = @meta, body = @body, version = version + 1,
               updated_at = @now, updated_by = @author WHERE id = @id`,
        ).run({
          id,
          title: old.title,
          meta: JSON.stringify(old.meta),
          body: JSON.stringify(old.body),
          now,
          author,
        });
        this.index.put(current.seq, old.title, plainText(old.body));
        this.writeRevision(
          id,
          { title: old.title, meta: old.meta, body: old.body },
          author,
          now,
          'restore',
          number,
        );
        return parseRow(DraftSummarySchema, toSummary(this.row(id)), `drafts ${id}`);
      })
      .immediate();
  }

  private row(id: string): DraftRow {
    const row = this.sql('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
    if (!row) throw new DeskError('not_found', `No draft with id ${id}. It may have been deleted.`);
    return row;
  }

  private kindOf(id: string): string {
    return this.row(id).kind;
  }

  private revisionSummaries(id: string): RevisionSummary[] {
    const rows = this.sql(
      'SELECT * FROM draft_revisions WHERE draft_id = ? ORDER BY number DESC',
    ).all(id) as RevisionRow[];
    const kind = this.kindOf(id);
    return rows.map((row) => {
      return parseRow(
        RevisionSummarySchema,
        toRevision(row, kind),
        `draft_revisions ${id}/${row.number}`,
      );
    });
  }

  /** Writes the working copy as a revision unless the newest revision already holds it. */
  private checkpointRow(current: DraftRow, reason: RevisionReason): void {
    const latest = this.sql(
      'SELECT title, meta, body FROM draft_revisions WHERE draft_id = ? ORDER BY number DESC LIMIT 1',
    ).get(current.id) as { title: string; meta: string; body: string } | undefined;
    if (
      latest &&
      latest.title === current.title &&
      latest.meta === current.meta &&
      latest.body === current.body
    )
      return;
    const draft = toDraft(current);
    this.writeRevision(current.id, draft, current.updated_by, current.updated_at, reason, null);
  }

  private writeRevision(
    id: string,
    content: { title: string; meta: DocumentMeta; body: EditorState },
    author: string,
    at: string,
    reason: RevisionReason,
    restoredFrom: number | null,
  ): void {
    const next =
      ((this.sql('SELECT max(number) FROM draft_revisions WHERE draft_id = ?').pluck().get(id) as
        number | null) ?? 0) + 1;
    this.sql(
      `INSERT INTO draft_revisions (draft_id, number, title, meta, body, author, created_at, reason, restored_from)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      next,
      content.title,
      JSON.stringify(content.meta),
      JSON.stringify(content.body),
      author,
      at,
      reason,
      restoredFrom,
    );
  }
}

function conflict(stored: number, base: number): DeskError {
  return new DeskError(
    'conflict',
    `The draft was saved elsewhere in the meantime (version ${stored}, this edit started from ${base}). Reload it, then apply your change again.`,
  );
}

function kindMismatch(kind: string, metaKind: string): DeskError {
  return new DeskError(
    'invalid_input',
    `The fields are those of a ${metaKind}, but the draft is a ${kind}.`,
  );
}

function toSummary(row: DraftRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

function metaOf(text: string, kind: string, where: string): unknown {
  const stored = parseJsonColumn(text, where);
  return { ...(typeof stored === 'object' && stored !== null ? stored : {}), kind };
}

function toDraft(row: DraftRow): Draft {
  const where = `drafts ${row.id}`;
  return parseRow(
    DraftSchema,
    {
      ...toSummary(row),
      meta: metaOf(row.meta, row.kind, where),
      body: parseJsonColumn(row.body, where),
    },
    where,
  );
}

function toRevision(row: RevisionRow, kind: string): Revision {
  const where = `draft_revisions ${row.draft_id}/${row.number}`;
  const body = parseJsonColumn(row.body, where);
  const parsed = parseRow(
    RevisionSchema,
    {
      draftId: row.draft_id,
      number: row.number,
      title: row.title,
      author: row.author,
      createdAt: row.created_at,
      reason: row.reason,
      restoredFrom: row.restored_from,
      characters: 0,
      meta: metaOf(row.meta, kind, where),
      body,
    },
    where,
  );
  return { ...parsed, characters: textMetrics(parsed.body).characters };
}
