import type { Progress, PublishOutcome } from '../adapter.ts';
import type { PostOf } from '../channelPost.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { DraftAddReplySchema, SubmitReplySchema } from './wechatApi.ts';
import { callWechat } from './wechatCall.ts';
import { NO_SECRET_PROBLEM, type WechatContext } from './wechatContext.ts';
import { checkWechatContent, checkWechatPost } from './wechatPostCheck.ts';
import { readWechatNotes, submittedRemote } from './wechatProgress.ts';
import { STATUS_CHECK_MS, wechatStatus } from './wechatStatus.ts';
import { forgetCover, uploadCover, uploadInlineImages } from './wechatUploads.ts';

/**
 * Publishes one article: images (uploadimg, cached), cover (add_material, cached), draft/add,
 * then freepublish/submit, which only queues it: the outcome is `pending` and `status`
 * follows it to published.
 *
 * Where an earlier attempt stopped decides where this one starts (see wechatProgress.ts):
 * - publishId known: it was queued; never submit again, read its status;
 * - draft known, a submit sent and its reply lost: it may be queued; `unknown`, so the outbox
 *   reconciles first (reconcile clears the note when the draft is still in the draft box);
 * - draft known, no submit in flight: submit that draft;
 * - nothing: start over (an earlier draft/add whose reply was lost left at most an orphan
 *   draft, which is not public).
 */
export async function publishToWechat(
  ctx: WechatContext,
  post: PostOf<'wechat'>,
  progress: Progress,
): Promise<PublishOutcome> {
  if (ctx.appSecret === '')
    return { kind: 'failed', problem: NO_SECRET_PROBLEM, reauthorize: true };
  const notes = readWechatNotes(progress);
  if (notes.publishId !== null) {
    return wechatStatus(ctx, submittedRemote(notes.mediaId ?? '', notes.publishId));
  }
  if (notes.mediaId !== null) {
    if (notes.submitSentAt !== null) return { kind: 'unknown', problem: SUBMIT_UNCERTAIN };
    return submitDraft(ctx, notes.mediaId, progress);
  }

  const checked = checkWechatPost(post);
  if (!checked.ok) return { kind: 'failed', problem: checked.problem, reauthorize: false };
  const cover = checked.cover;

  const inline = await uploadInlineImages(ctx, post.images);
  if (!inline.ok) return inline.failure;
  const missing: string[] = [];
  const html = post.html((hash) => {
    const url = inline.urls.get(hash);
    if (url === undefined) missing.push(hash);
    return url ?? '';
  });
  if (missing.length > 0) {
    return { kind: 'failed', problem: missingImages(missing), reauthorize: false };
  }
  const badContent = checkWechatContent(html);
  if (badContent !== null) return { kind: 'failed', problem: badContent, reauthorize: false };

  let coverUpload = await uploadCover(ctx, cover, false);
  if (!coverUpload.ok) return coverUpload.failure;
  let draft = await addDraft(ctx, post, html, coverUpload.mediaId);
  if (draft.kind === 'refused' && draft.errorKind === 'invalid-media' && coverUpload.fromCache) {
    // The cached cover material is gone (deleted in the platform): upload it again, once.
    forgetCover(ctx, cover);
    coverUpload = await uploadCover(ctx, cover, true);
    if (!coverUpload.ok) return coverUpload.failure;
    draft = await addDraft(ctx, post, html, coverUpload.mediaId);
  }
  if (draft.kind !== 'ok') return draft.failure;
  progress.save({
    mediaId: draft.value.media_id,
    thumbMediaId: coverUpload.mediaId,
    coverUrl: coverUpload.url ?? '',
    submitSentAt: '',
  });
  return submitDraft(ctx, draft.value.media_id, progress);
}

/** draft/add: NOT safe to repeat (a lost reply leaves an orphan draft, not public). */
function addDraft(ctx: WechatContext, post: PostOf<'wechat'>, html: string, thumbMediaId: string) {
  return callWechat(ctx, {
    path: '/cgi-bin/draft/add',
    body: {
      type: 'json',
      value: {
        articles: [
          {
            title: post.title,
            author: post.author,
            // Empty: WeChat takes the first 54 characters of the body.
            ...(post.digest.trim() === '' ? {} : { digest: post.digest }),
            content: html,
            content_source_url: post.sourceUrl ?? '',
            thumb_media_id: thumbMediaId,
            need_open_comment: ctx.settings.openComment ? 1 : 0,
            only_fans_can_comment: 0,
          },
        ],
      },
    },
    schema: DraftAddReplySchema,
    repeatable: false,
  });
}

/**
 * freepublish/submit: NOT safe to repeat. submitSentAt is saved before it is sent and
 * cleared only when WeChat's answer shows it did nothing; the publish_id is saved as soon as
 * it answers.
 */
async function submitDraft(
  ctx: WechatContext,
  mediaId: string,
  progress: Progress,
): Promise<PublishOutcome> {
  progress.save({ submitSentAt: ctx.clock.now().toISOString() });
  const result = await callWechat(ctx, {
    path: '/cgi-bin/freepublish/submit',
    body: { type: 'json', value: { media_id: mediaId } },
    schema: SubmitReplySchema,
    repeatable: false,
  });
  switch (result.kind) {
    case 'ok': {
      const publishId = result.value.publish_id;
      progress.save({ publishId });
      return {
        kind: 'pending',
        remote: submittedRemote(mediaId, publishId),
        checkAfterMs: STATUS_CHECK_MS,
      };
    }
    case 'refused':
      if (result.errorKind === 'invalid-media') {
        // The draft has left the draft box: an earlier submit (whose reply was lost) took it,
        // or a person deleted it. Keep the note; reconcile looks for the article.
        return { kind: 'unknown', problem: draftGone(result.errcode, result.errmsg) };
      }
      progress.save({ submitSentAt: '' });
      return result.failure;
    case 'no-answer':
      if (result.done === 'no') progress.save({ submitSentAt: '' });
      return result.failure;
    default: {
      const never: never = result;
      throw new Error(`unhandled WeChat call result ${JSON.stringify(never)}`);
    }
  }
}

const SUBMIT_UNCERTAIN: ChannelProblem = problem(
  'wechat',
  'wechat.submit-uncertain',
  '上一次提交发表后没有收到微信的答复，不确定文章是否已进入发表队列。PressDesk 会先核对公众号的草稿箱和发表记录，再决定是否重新提交；在此之前请不要在公众号后台手动发表。',
  'No answer came from WeChat to the previous submission, so it is not certain whether the article was queued for publishing. PressDesk checks the account’s draft box and published articles before submitting again; do not publish it by hand in the Official Account platform meanwhile.',
);

function draftGone(errcode: number, errmsg: string): ChannelProblem {
  return problem(
    'wechat',
    'wechat.draft-gone',
    '这篇草稿已不在公众号的草稿箱中：可能上一次提交已经成功（只是没有收到答复），也可能有人在后台删除了草稿。PressDesk 会核对公众号的发表记录；在此之前请不要手动发表。',
    'The draft is no longer in the account’s draft box: the previous submission may have succeeded without its answer arriving, or someone deleted the draft in the platform. PressDesk checks the account’s published articles; do not publish it by hand meanwhile.',
    `${errcode} ${errmsg}`,
  );
}

function missingImages(hashes: readonly string[]): ChannelProblem {
  return problem(
    'wechat',
    'wechat.image-missing',
    `正文引用的 ${hashes.length} 张图片不在这篇稿件的图片列表中，没有提交。请在编辑器中重新插入这些图片后重新提交。`,
    `The body refers to ${hashes.length} image(s) that are not among the release's images; nothing was sent. Insert those images again in the editor, then submit again.`,
    hashes.map((h) => h.slice(0, 12)).join(', '),
  );
}
