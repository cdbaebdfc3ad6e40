import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DocumentKind } from '../../shared/domain/documentKind.ts';
import type { DraftStatus } from '../../shared/domain/draftStatus.ts';
import {
  DraftSchema,
  DraftSummarySchema,
  type Draft,
  type DraftSummary,
} from '../../shared/domain/draft.ts';
import { emptyEditorState, type EditorState } from '../../shared/domain/editorState.ts';
import type { Clock } from '../clock.ts';
import { DeskError } from '../errors.ts';
import { parseJsonColumn, parseRow } from '../store/parseRow.ts';

interface DraftRow {
  id: string;
  kind: string;
  title: string;
  status: string;
  body?: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DraftFilter {
  kind?: DocumentKind | undefined;
  status?: DraftStatus | undefined;
  limit: number;
  offset: number;
}

export interface DraftChange {
  id: string;
  baseVersion: number;
  title?: string | undefined;
  body?: EditorState | undefined;
}

const SUMMARY_COLUMNS = 'id, kind, title, status, version, created_at, updated_at';

/** Drafts: the working copy of each document. Every read is parsed with its schema. */
export class DraftsRepository {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  list(filter: DraftFilter): { items: DraftSummary[]; total: number } {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit, offset: filter.offset };
    if (filter.kind) {
      where.push('kind = @kind');
      params.kind = filter.kind;
    }
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM drafts ${clause} ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset`,
      )
      .all(params) as DraftRow[];
    const { total } = this.db
      .prepare(`SELECT count(*) AS total FROM drafts ${clause}`)
      .get(params) as { total: number };
    return {
      items: rows.map((row) => parseRow(DraftSummarySchema, toSummary(row), `drafts ${row.id}`)),
      total,
    };
  }

  get(id: string): Draft {
    const row = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS}, body FROM drafts WHERE id = ?`)
      .get(id) as DraftRow | undefined;
    if (!row) throw new DeskError('not_found', `No draft with id ${id}. It may have been deleted.`);
    return toDraft(row);
  }

  create(input: { kind: DocumentKind; title: string; body?: EditorState | undefined }): Draft {
    const now = this.clock.now().toISOString();
    const draft = parseRow(
      DraftSchema,
      {
        id: randomUUID(),
        kind: input.kind,
        title: input.title,
        status: 'draft',
        body: input.body ?? emptyEditorState(),
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      'new draft',
    );
    this.db
      .prepare(
        `INSERT INTO drafts (id, kind, title, status, body, version, created_at, updated_at)
         VALUES (@id, @kind, @title, @status, @body, @version, @createdAt, @updatedAt)`,
      )
      .run({ ...draft, body: JSON.stringify(draft.body) });
    return draft;
  }

  /**
   * Saves a change made on top of `baseVersion`. Someone else's newer save is never
   * overwritten: that is a `conflict`, and the caller reloads.
   */
  save(change: DraftChange): DraftSummary {
    const now = this.clock.now().toISOString();
    return this.db
      .transaction((): DraftSummary => {
        const current = this.db
          .prepare('SELECT version FROM drafts WHERE id = ?')
          .get(change.id) as { version: number } | undefined;
        if (!current)
          throw new DeskError(
            'not_found',
            `No draft with id ${change.id}. It may have been deleted.`,
          );
        if (current.version !== change.baseVersion) {
          throw new DeskError(
            'conflict',
            `The draft was saved elsewhere in the meantime (version ${current.version}, this edit started from ${change.baseVersion}). Reload it, then apply your change again.`,
          );
        }
        this.db
          .prepare(
            `UPDATE drafts SET
               title = coalesce(@title, title),
               body = coalesce(@body, body),
               version = version + 1,
               updated_at = @now
             WHERE id = @id`,
          )
          .run({
            id: change.id,
            title: change.title ?? null,
            body: change.body === undefined ? null : JSON.stringify(change.body),
            now,
          });
        const row = this.db
          .prepare(`SELECT ${SUMMARY_COLUMNS} FROM drafts WHERE id = ?`)
          .get(change.id) as DraftRow;
        return parseRow(DraftSummarySchema, toSummary(row), `drafts ${change.id}`);
      })
      .immediate();
  }
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
  };
}

function toDraft(row: DraftRow): Draft {
  const where = `drafts ${row.id}`;
  return parseRow(
    DraftSchema,
    { ...toSummary(row), body: parseJsonColumn(row.body ?? '', where) },
    where,
  );
}
