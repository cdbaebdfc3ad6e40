import type { ChannelId } from '../../shared/content/channelId.ts';
import type { Message } from '../../shared/content/finding.ts';
import type { ChannelProblem } from './channelProblem.ts';
import type { ChannelPost } from './channelPost.ts';

/**
 * Where a publication lives on its channel once it is there (or is being published there):
 * the channel's own id (WordPress post id, WeChat publish_id then article_id, Weibo idstr,
 * Mastodon status id, feed item id) and its public address when the channel gives one.
 * `extra` holds what a later call needs (WeChat media_id and publish_id, ...), as strings.
 */
export interface RemoteRef {
  remoteId: string;
  url: string | null;
  extra?: Readonly<Record<string, string>> | undefined;
}

/**
 * What one publish (or status) call achieved. The outbox acts on it:
 * - published: it is public (or, scheduled on the channel itself, accepted for that time);
 * - pending: the channel accepted it and publishes asynchronously (WeChat): ask `status`
 *   again after `checkAfterMs`, never publish again;
 * - retry: nothing reached the channel, or the channel said "later": safe to call again
 *   after `afterMs` (Retry-After when the channel sent one);
 * - failed: the channel refused for good; a person must act (`reauthorize`: the account's
 *   credentials must be renewed, which affects every publication of the account);
 * - unknown: the request may have reached the channel and the reply was lost or unreadable.
 *   Never retried blindly: `reconcile` first, then a person.
 */
export type PublishOutcome =
  | { kind: 'published'; remote: RemoteRef }
  | { kind: 'pending'; remote: RemoteRef; checkAfterMs: number; problem?: ChannelProblem }
  | { kind: 'retry'; afterMs: number; problem: ChannelProblem }
  | { kind: 'failed'; problem: ChannelProblem; reauthorize: boolean }
  | { kind: 'unknown'; problem: ChannelProblem };

/**
 * Durable notes of one publication's steps, kept by the outbox with the publication (string
 * values only). `save` merges and is written before the adapter's next request.
 */
export interface Progress {
  get(): Readonly<Record<string, string>>;
  save(patch: Readonly<Record<string, string>>): void;
}

/** A Progress in memory, for tests and connection checks. */
export function memoryProgress(initial: Record<string, string> = {}): Progress {
  let notes = { ...initial };
  return {
    get: () => notes,
    save: (patch) => {
      notes = { ...notes, ...patch };
    },
  };
}

/** The outcomes a failed channel call leads to, common to publishes and changes. */
export type CallFailure = Extract<PublishOutcome, { kind: 'retry' | 'failed' | 'unknown' }>;

/** What reconcile learned about an attempt whose outcome was unknown. */
export type ReconcileOutcome =
  /** It landed: this is where. */
  | { kind: 'found'; outcome: Extract<PublishOutcome, { kind: 'published' | 'pending' }> }
  /** The channel has no trace of it: publishing again will not make a second copy. */
  | { kind: 'absent' }
  /** The channel cannot tell (no lookup, or the lookup itself failed): a person decides. */
  | { kind: 'undetermined'; problem: ChannelProblem };

/**
 * What an update or retraction achieved. `manual`: the channel offers no API for it (Weibo
 * delete for ordinary apps, WeChat edits): the person gets instructions and the link.
 */
export type ChangeOutcome =
  | { kind: 'done'; remote: RemoteRef }
  | { kind: 'manual'; instructions: ChannelProblem; url: string | null }
  | { kind: 'retry'; afterMs: number; problem: ChannelProblem }
  | { kind: 'failed'; problem: ChannelProblem; reauthorize: boolean }
  | { kind: 'unknown'; problem: ChannelProblem };

/**
 * The account as the channel sees it, after a successful connection test. `details` are the
 * lines shown under it, each in both interface languages.
 */
export type VerifyOutcome =
  | { ok: true; accountName: string; details: Message[] }
  | { ok: false; problem: ChannelProblem; reauthorize: boolean };

/**
 * Which calls may be repeated without risk of a second copy or a lost change: the outbox
 * reads it before retrying after an ambiguous failure. Each adapter states its own, with the
 * reason, so the publishing model does not guess.
 */
export interface RepeatSafety {
  publish: { safe: boolean; why: string };
  update: { safe: boolean; why: string };
  retract: { safe: boolean; why: string };
}

/**
 * One adapter per channel account. Adapters never throw for anything the channel or the
 * network does: every such event becomes an outcome with a problem. They throw only for
 * defects (a bug in PressDesk), which the outbox records as `unknown` for publishes.
 */
export interface ChannelAdapter<C extends ChannelId = ChannelId> {
  readonly channel: C;
  readonly repeatSafety: RepeatSafety;
  /** A connection test: credentials valid, the API reachable, publishing allowed. */
  verify(): Promise<VerifyOutcome>;
  /**
   * Publishes one post. `progress` keeps what earlier steps of this publication already did
   * (WeChat draft media_id, uploaded media ids), durably, so a later attempt or reconcile
   * continues instead of starting over.
   */
  publish(post: Extract<ChannelPost, { channel: C }>, progress: Progress): Promise<PublishOutcome>;
  /** For a `pending` publication: where it stands now. Safe to repeat. */
  status(remote: RemoteRef): Promise<PublishOutcome>;
  update(remote: RemoteRef, post: Extract<ChannelPost, { channel: C }>): Promise<ChangeOutcome>;
  retract(remote: RemoteRef): Promise<ChangeOutcome>;
  /** After an `unknown` publish: did that attempt land? */
  reconcile(
    post: Extract<ChannelPost, { channel: C }>,
    progress: Progress,
  ): Promise<ReconcileOutcome>;
}

/** An adapter of any channel: the union, so each keeps its own post type. */
export type AnyChannelAdapter = { [C in ChannelId]: ChannelAdapter<C> }[ChannelId];
