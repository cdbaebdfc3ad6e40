import type { Progress, ReconcileOutcome } from '../adapter.ts';
import { problem } from '../channelProblem.ts';
import type { PostOf } from '../channelPost.ts';
import { WeiboTimelineSchema } from './weiboApi.ts';
import { weiboCall, weiboFailure } from './weiboCall.ts';
import { weiboComparableText } from './weiboComparableText.ts';
import { NO_TOKEN_PROBLEM, type WeiboContext } from './weiboContext.ts';
import { parseWeiboDate } from './weiboDate.ts';
import { WEIBO_PENDING_SINCE } from './weiboPublish.ts';
import { weiboRemote } from './weiboRemote.ts';

/** Statuses per timeline page (Weibo's maximum is 100). */
export const TIMELINE_PAGE_SIZE = 100;
/** Pages read at most: the newest 300 statuses. */
export const TIMELINE_MAX_PAGES = 3;
/**
 * How much earlier than the attempt the timeline must reach before "not there" is believed:
 * covers a difference between this computer's clock and Weibo's.
 */
export const CLOCK_SKEW_MARGIN_MS = 10 * 60_000;

/**
 * Did an earlier share.json attempt land? Reads the account's own timeline, newest first, at
 * most TIMELINE_MAX_PAGES pages of TIMELINE_PAGE_SIZE, for a status whose text equals the
 * post's with every link removed and white space collapsed (Weibo returns links as t.cn short
 * links). Found: published there. Not found: `absent` only when the pages read cover the whole
 * timeline or reach back before the earliest outstanding attempt (less CLOCK_SKEW_MARGIN_MS);
 * otherwise, or when the timeline cannot be read, `undetermined`.
 * A post still held back by Weibo (review, a delay in the timeline) is not seen: publishing
 * again is then answered with 20017/20019/20111, which leads back here rather than to a copy.
 */
export async function reconcileWeibo(
  ctx: WeiboContext,
  post: PostOf<'weibo'>,
  progress: Progress,
): Promise<ReconcileOutcome> {
  if (ctx.token === '') return { kind: 'undetermined', problem: NO_TOKEN_PROBLEM };
  const since = progress.get()[WEIBO_PENDING_SINCE] ?? '';
  const sinceMs = since === '' ? null : Date.parse(since);
  const wanted = weiboComparableText(post.text);
  let seen = 0;
  for (let page = 1; page <= TIMELINE_MAX_PAGES; page++) {
    const result = await weiboCall(
      ctx.http,
      {
        method: 'GET',
        url: ctx.endpoint('statuses/user_timeline.json', {
          access_token: ctx.token,
          count: String(TIMELINE_PAGE_SIZE),
          page: String(page),
        }),
      },
      WeiboTimelineSchema,
    );
    if (result.kind !== 'ok') {
      return {
        kind: 'undetermined',
        problem: weiboFailure(result, true, ctx.clock.now()).problem,
      };
    }
    const { statuses, total_number: total } = result.value;
    const match = statuses.find((s) => weiboComparableText(s.text) === wanted);
    if (match) {
      return { kind: 'found', outcome: { kind: 'published', remote: weiboRemote(match) } };
    }
    seen += statuses.length;
    const exhausted = statuses.length === 0 || (total !== undefined && seen >= total);
    const oldest = statuses.reduce<number | null>((min, s) => {
      const at = parseWeiboDate(s.created_at)?.getTime();
      return at === undefined ? min : Math.min(min ?? at, at);
    }, null);
    const reachedBack =
      sinceMs !== null &&
      !Number.isNaN(sinceMs) &&
      oldest !== null &&
      oldest < sinceMs - CLOCK_SKEW_MARGIN_MS;
    if (exhausted || reachedBack) {
      progress.save({ [WEIBO_PENDING_SINCE]: '' });
      return { kind: 'absent' };
    }
  }
  return {
    kind: 'undetermined',
    problem: problem(
      'weibo',
      'weibo.reconcile-window',
      `在账号最新的 ${seen} 条微博中没有找到这条微博，但更早的微博没有核对，无法确定上一次尝试是否已经发出。请在微博上查看账号的微博列表：如已发出，请标记为已发布；如没有，再重新发布。`,
      `The post is not among the account’s newest ${seen} posts, but older ones were not checked, so it is not certain whether the earlier attempt went out. Look at the account’s posts on Weibo: mark the publication as published if it is there, or publish again if it is not.`,
    ),
  };
}
