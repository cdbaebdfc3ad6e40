import type { Progress, ReconcileOutcome, RemoteRef } from '../adapter.ts';
import type { PostOf } from '../channelPost.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { BatchgetReplySchema, DraftGetReplySchema, type PublishedPost } from './wechatApi.ts';
import { callWechat } from './wechatCall.ts';
import { NO_SECRET_PROBLEM, type WechatContext } from './wechatContext.ts';
import { readWechatNotes, submittedRemote, type WechatNotes } from './wechatProgress.ts';
import { wechatStatus } from './wechatStatus.ts';

/** batchget page size (WeChat allows 1..20). */
export const BATCHGET_PAGE = 20;
/** Pages read at most: the 100 newest published posts. */
export const BATCHGET_MAX_PAGES = 5;
/** Clock difference allowed between this computer and WeChat when comparing update_time. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Did an attempt whose outcome was unknown land? From the progress notes (wechatProgress.ts):
 * - publishId known: freepublish/get says (publishing or published: found; 2-4: not public,
 *   absent, and the next publish reads the same failed status; 5/6 or a failed lookup:
 *   undetermined);
 * - no draft recorded, or a draft and no submit sent: nothing can have been queued (a lost
 *   draft/add leaves at most an orphan draft, never public): absent;
 * - a draft and a submit whose reply was lost: draft/get first. Submitting removes the draft
 *   from the draft box, so a draft still there was not taken: absent, and the submit note is
 *   cleared so the next publish submits it. A draft gone: freepublish/batchget looks for the
 *   article among the newest published posts (see attemptMatches); not there: undetermined
 *   (it may still be publishing, have failed review, or the draft was deleted by a person).
 */
export async function reconcileWechat(
  ctx: WechatContext,
  post: PostOf<'wechat'>,
  progress: Progress,
): Promise<ReconcileOutcome> {
  if (ctx.appSecret === '') return { kind: 'undetermined', problem: NO_SECRET_PROBLEM };
  const notes = readWechatNotes(progress);
  if (notes.publishId !== null) {
    return byStatus(ctx, submittedRemote(notes.mediaId ?? '', notes.publishId));
  }
  if (notes.mediaId === null || notes.submitSentAt === null) return { kind: 'absent' };

  const draft = await callWechat(ctx, {
    path: '/cgi-bin/draft/get',
    body: { type: 'json', value: { media_id: notes.mediaId } },
    schema: DraftGetReplySchema,
    repeatable: true,
  });
  if (draft.kind === 'ok') {
    progress.save({ submitSentAt: '' });
    return { kind: 'absent' };
  }
  if (draft.kind !== 'refused' || draft.errorKind !== 'invalid-media') {
    return { kind: 'undetermined', problem: lookupFailed(draft.failure.problem) };
  }
  return searchPublished(ctx, post, notes);
}

/** publish_status 2, 3, 4: the job ended without a public article. */
const NOT_PUBLISHED = new Set([
  'wechat.publish-originality',
  'wechat.publish-failed',
  'wechat.publish-rejected',
]);
/** publish_status 5, 6: it was public, and is no longer. */
const GONE_AFTER_PUBLISHING = new Set(['wechat.publish-deleted', 'wechat.publish-banned']);

async function byStatus(ctx: WechatContext, remote: RemoteRef): Promise<ReconcileOutcome> {
  const outcome = await wechatStatus(ctx, remote);
  switch (outcome.kind) {
    case 'published':
    case 'pending':
      return { kind: 'found', outcome };
    case 'failed':
      if (NOT_PUBLISHED.has(outcome.problem.code)) return { kind: 'absent' };
      return {
        kind: 'undetermined',
        problem: GONE_AFTER_PUBLISHING.has(outcome.problem.code)
          ? outcome.problem
          : lookupFailed(outcome.problem),
      };
    case 'retry':
    case 'unknown':
      return { kind: 'undetermined', problem: lookupFailed(outcome.problem) };
    default: {
      const never: never = outcome;
      throw new Error(`unhandled outcome ${JSON.stringify(never)}`);
    }
  }
}

async function searchPublished(
  ctx: WechatContext,
  post: PostOf<'wechat'>,
  notes: WechatNotes,
): Promise<ReconcileOutcome> {
  const attempt: Attempt = {
    title: post.title,
    thumbMediaId: notes.thumbMediaId,
    coverUrl: notes.coverUrl,
    sentAt: notes.submitSentAt ?? new Date(0),
  };
  for (let page = 0; page < BATCHGET_MAX_PAGES; page++) {
    const result = await callWechat(ctx, {
      path: '/cgi-bin/freepublish/batchget',
      body: {
        type: 'json',
        value: { offset: page * BATCHGET_PAGE, count: BATCHGET_PAGE, no_content: 1 },
      },
      schema: BatchgetReplySchema,
      repeatable: true,
    });
    if (result.kind !== 'ok') {
      return { kind: 'undetermined', problem: lookupFailed(result.failure.problem) };
    }
    const items = result.value.item;
    const match = items.find((item) => attemptMatches(attempt, item));
    if (match !== undefined) return foundArticle(match, notes);
    const end = (page + 1) * BATCHGET_PAGE >= result.value.total_count || items.length === 0;
    if (end || items.every((item) => olderThanAttempt(attempt, item))) {
      return { kind: 'undetermined', problem: notListed(attempt) };
    }
  }
  return { kind: 'undetermined', problem: notListed(attempt) };
}

/** What is known of an attempt, to recognise its article in the published list. */
export interface Attempt {
  title: string;
  thumbMediaId: string | null;
  coverUrl: string | null;
  sentAt: Date;
}

/**
 * The matching rule: a published post is this attempt's when its first article has the same
 * title (surrounding spaces aside); its cover is the same material (thumb_media_id, or thumb_url when the list
 * shows that instead; skipped when the list shows neither or the attempt did not record
 * it); and it was updated no earlier than the submit was sent (less CLOCK_SKEW_MS).
 * Limits: a post with the same title and the same cover published by hand in the platform
 * within that window would be taken for ours (the cover material is shared by every release
 * with the same cover image); a post whose title WeChat changed would be missed (reconcile
 * then says undetermined, and a person decides). Only the newest BATCHGET_MAX_PAGES pages
 * are read, and reading stops at a page whose posts are all older than the attempt (the list
 * is newest first [unverified]; a list in another order is read to the page limit).
 */
export function attemptMatches(attempt: Attempt, item: PublishedPost): boolean {
  const first = item.content.news_item[0];
  if (first === undefined || first.title.trim() !== attempt.title.trim()) return false;
  if (olderThanAttempt(attempt, item)) return false;
  if (
    first.thumb_media_id !== undefined &&
    first.thumb_media_id !== '' &&
    attempt.thumbMediaId !== null
  ) {
    return first.thumb_media_id === attempt.thumbMediaId;
  }
  if (first.thumb_url !== undefined && first.thumb_url !== '' && attempt.coverUrl !== null) {
    return first.thumb_url === attempt.coverUrl;
  }
  return true;
}

function olderThanAttempt(attempt: Attempt, item: PublishedPost): boolean {
  return item.update_time * 1000 < attempt.sentAt.getTime() - CLOCK_SKEW_MS;
}

/**
 * The article of a lost submit, found. A post whose article WeChat marks deleted landed and
 * was then deleted by a person: not public now, and publishing again is their call.
 */
function foundArticle(item: PublishedPost, notes: WechatNotes): ReconcileOutcome {
  const first = item.content.news_item[0];
  const url = first?.url !== undefined && first.url !== '' ? first.url : null;
  if (first?.is_deleted === true) {
    return {
      kind: 'undetermined',
      problem: problem(
        'wechat',
        'wechat.found-deleted',
        `上一次提交已经发表成功，但这篇文章随后在公众号后台被删除（article_id ${item.article_id}）。是否重新发表，请由负责人决定。`,
        `The previous submission was published, but the article was then deleted in the Official Account platform (article_id ${item.article_id}). Whether to publish it again is for a person to decide.`,
      ),
    };
  }
  return {
    kind: 'found',
    outcome: {
      kind: 'published',
      remote: {
        remoteId: item.article_id,
        url,
        extra: {
          ...(notes.mediaId === null ? {} : { mediaId: notes.mediaId }),
          articleId: item.article_id,
        },
      },
    },
  };
}

function notListed(attempt: Attempt): ChannelProblem {
  return problem(
    'wechat',
    'wechat.not-found-yet',
    `草稿已离开草稿箱（说明很可能已提交发表），但在公众号最新的发表记录中还没有找到标题为“${attempt.title}”的文章：它可能仍在发表中、未通过审核，或草稿被人删除了。请在公众号后台“发表记录”中核对；PressDesk 会稍后再查。`,
    `The draft has left the draft box (so it was most likely submitted), but no article titled "${attempt.title}" is among the account's newest published articles yet: it may still be publishing, may have failed review, or the draft was deleted by someone. Check under 发表记录 (published records) in the Official Account platform; PressDesk will look again later.`,
  );
}

function lookupFailed(cause: ChannelProblem): ChannelProblem {
  return {
    ...cause,
    message: {
      zh: `核对公众号的草稿和发表记录时出错：${cause.message.zh}`,
      en: `Checking the account's drafts and published articles failed: ${cause.message.en}`,
    },
  };
}
