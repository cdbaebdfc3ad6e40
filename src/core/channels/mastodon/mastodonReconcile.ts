import type { Progress, ReconcileOutcome } from '../adapter.ts';
import { problem } from '../channelProblem.ts';
import type { PostOf } from '../channelPost.ts';
import { MastodonAccountSchema, MastodonStatusListSchema } from './mastodonApi.ts';
import { mastodonCall, mastodonFailure } from './mastodonCall.ts';
import { NO_TOKEN_PROBLEM, type MastodonContext } from './mastodonContext.ts';
import { mediaNote } from './mastodonMedia.ts';
import {
  MASTODON_PENDING_SINCE,
  mastodonRemote,
  postStatus,
  withinKeyWindow,
} from './mastodonPublish.ts';
import { mastodonComparableText, statusHtmlToText } from './mastodonStatusText.ts';

/** Statuses per page of the account's own list (Mastodon's maximum is 40). */
export const LIST_PAGE_SIZE = 40;
/** Pages read at most: the newest 120 statuses. */
export const LIST_MAX_PAGES = 3;
/** How much earlier than the attempt the list must reach before "not there" is believed. */
export const CLOCK_SKEW_MARGIN_MS = 10 * 60_000;

/**
 * Did an earlier attempt land? Within the Idempotency-Key window, the same POST is sent again:
 * Mastodon answers with the original status if there is one, or makes it now; either way the
 * publication is there once (`found`). Otherwise (or if that repeat gets no status) the
 * account's own statuses are read, newest first, at most LIST_MAX_PAGES of LIST_PAGE_SIZE,
 * comparing texts with links removed and white space collapsed: `absent` only when the pages
 * read cover the whole list or reach back before the earliest outstanding attempt (less
 * CLOCK_SKEW_MARGIN_MS); else `undetermined`.
 */
export async function reconcileMastodon(
  ctx: MastodonContext,
  post: PostOf<'mastodon'>,
  progress: Progress,
): Promise<ReconcileOutcome> {
  if (ctx.token === '') return { kind: 'undetermined', problem: NO_TOKEN_PROBLEM };
  const notes = progress.get();
  const since = notes[MASTODON_PENDING_SINCE] ?? '';
  if (since !== '' && withinKeyWindow(since, ctx.clock.now())) {
    const ids = post.media.map((_, i) => notes[mediaNote(i).id] ?? '');
    if (ids.every((id) => id !== '')) {
      const repeated = await postStatus(ctx, post, ids);
      if (repeated.kind === 'ok') {
        return {
          kind: 'found',
          outcome: { kind: 'published', remote: mastodonRemote(repeated.value, post, ids) },
        };
      }
    }
  }

  const account = await mastodonCall(
    ctx.http,
    {
      method: 'GET',
      url: ctx.endpoint('/api/v1/accounts/verify_credentials'),
      headers: ctx.headers(),
    },
    MastodonAccountSchema,
  );
  if (account.kind !== 'ok') {
    return {
      kind: 'undetermined',
      problem: mastodonFailure(account, true, ctx.clock.now()).problem,
    };
  }
  const sinceMs = since === '' ? Number.NaN : Date.parse(since);
  const wanted = mastodonComparableText(post.text);
  let maxId: string | null = null;
  let seen = 0;
  for (let page = 0; page < LIST_MAX_PAGES; page++) {
    const query: Record<string, string> = {
      limit: String(LIST_PAGE_SIZE),
      exclude_reblogs: 'true',
    };
    if (maxId !== null) query['max_id'] = maxId;
    const list = await mastodonCall(
      ctx.http,
      {
        method: 'GET',
        url: ctx.endpoint(
          `/api/v1/accounts/${encodeURIComponent(account.value.id)}/statuses`,
          query,
        ),
        headers: ctx.headers(),
      },
      MastodonStatusListSchema,
    );
    if (list.kind !== 'ok') {
      return {
        kind: 'undetermined',
        problem: mastodonFailure(list, true, ctx.clock.now()).problem,
      };
    }
    const statuses = list.value;
    const match = statuses.find(
      (s) => mastodonComparableText(statusHtmlToText(s.content)) === wanted,
    );
    if (match) {
      const ids = (match.media_attachments ?? []).map((m) => m.id);
      return {
        kind: 'found',
        outcome: { kind: 'published', remote: mastodonRemote(match, post, ids) },
      };
    }
    seen += statuses.length;
    const oldest = statuses.reduce<number | null>((min, s) => {
      const at = Date.parse(s.created_at);
      return Number.isNaN(at) ? min : Math.min(min ?? at, at);
    }, null);
    const reachedBack =
      !Number.isNaN(sinceMs) && oldest !== null && oldest < sinceMs - CLOCK_SKEW_MARGIN_MS;
    if (statuses.length === 0 || reachedBack) {
      progress.save({ [MASTODON_PENDING_SINCE]: '' });
      return { kind: 'absent' };
    }
    maxId = statuses[statuses.length - 1]?.id ?? null;
  }
  return {
    kind: 'undetermined',
    problem: problem(
      'mastodon',
      'mastodon.reconcile-window',
      `在账号最新的 ${seen} 条嘟文中没有找到这条嘟文，但更早的嘟文没有核对，无法确定上一次尝试是否已经发出。请在 Mastodon 上查看账号的嘟文：如已发出，请标记为已发布；如没有，再重新发布。`,
      `The post is not among the account’s newest ${seen} posts, but older ones were not checked, so it is not certain whether the earlier attempt went out. Look at the account’s posts on Mastodon: mark the publication as published if it is there, or publish again if it is not.`,
    ),
  };
}
