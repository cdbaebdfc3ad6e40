/** The outbox's rows as SQLite returns them, and their reading into views. */
import { z } from 'zod';
import { ChannelProblemViewSchema } from '../../shared/channels/account.ts';
import { PublicationViewSchema, type PublicationView } from '../../shared/publish/publication.ts';
import type { RemoteRef } from '../channels/adapter.ts';
import type { ChannelProblem } from '../channels/channelProblem.ts';
import { parseJsonColumn, parseRow } from '../store/parseRow.ts';

/** A publications row joined with its account (SELECT_VIEW). */
export interface PublicationRow {
  id: string;
  release_id: string;
  revision: number;
  title: string;
  account_id: string;
  channel: string;
  key: string;
  state: string;
  scheduled_at: string | null;
  next_attempt_at: string | null;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  remote_id: string | null;
  remote_url: string | null;
  remote_extra: string | null;
  progress: string;
  last_problem: string | null;
  depends_on: string | null;
  streak: number;
  waiting_since: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  published_at: string | null;
  account_name: string;
  account_sandbox: number;
}

export interface AttemptRow {
  number: number;
  action: string;
  started_at: string;
  finished_at: string | null;
  outcome: string | null;
  problem: string | null;
}

const RemoteExtraSchema = z.record(z.string(), z.string());

/** A publication with the name and sandbox flag of its account. */
export const SELECT_VIEW = `SELECT p.*, a.name AS account_name, a.sandbox AS account_sandbox
  FROM publications p JOIN channel_accounts a ON a.id = p.account_id`;

/** The row as the UI sees it, its JSON columns parsed with their schemas. */
export function toView(row: PublicationRow): PublicationView {
  const where = `publications ${row.id}`;
  return parseRow(
    PublicationViewSchema,
    {
      id: row.id,
      releaseId: row.release_id,
      revision: row.revision,
      title: row.title,
      accountId: row.account_id,
      accountName: row.account_name,
      channel: row.channel,
      sandbox: row.account_sandbox === 1,
      state: row.state,
      scheduledAt: row.scheduled_at,
      nextAttemptAt: row.next_attempt_at,
      attempts: row.attempts,
      remoteId: row.remote_id,
      remoteUrl: row.remote_url,
      lastProblem:
        row.last_problem === null
          ? null
          : parseRow(ChannelProblemViewSchema, parseJsonColumn(row.last_problem, where), where),
      dependsOn: row.depends_on,
      createdAt: row.created_at,
      createdBy: row.created_by,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
    },
    where,
  );
}

/** Where the publication is on its channel, once known. */
export function remoteOf(row: PublicationRow): RemoteRef | null {
  if (row.remote_id === null) return null;
  const where = `publications ${row.id} remote_extra`;
  return {
    remoteId: row.remote_id,
    url: row.remote_url,
    ...(row.remote_extra === null
      ? {}
      : {
          extra: parseRow(RemoteExtraSchema, parseJsonColumn(row.remote_extra, where), where),
        }),
  };
}

/** A problem as stored (and shown): its channel is the publication's own. */
export function problemJson(problem: ChannelProblem): string {
  return JSON.stringify({
    code: problem.code,
    message: problem.message,
    ...(problem.channelSaid === undefined ? {} : { channelSaid: problem.channelSaid }),
  });
}
