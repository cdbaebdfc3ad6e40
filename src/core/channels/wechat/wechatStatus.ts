import type { PublishOutcome, RemoteRef } from '../adapter.ts';
import { problem } from '../channelProblem.ts';
import { PublishStatusReplySchema, type PublishStatusReply } from './wechatApi.ts';
import { callWechat } from './wechatCall.ts';
import type { WechatContext } from './wechatContext.ts';

/** Ask again this long after "publishing" (1): WeChat takes seconds to minutes. */
export const STATUS_CHECK_MS = 10_000;

/** The publish_id of a remote: in `extra` once known, else its remoteId while pending. */
export const publishIdOf = (remote: RemoteRef): string =>
  remote.extra?.['publishId'] ?? remote.remoteId;

/** freepublish/get (safe to repeat) read as an outcome. */
export async function wechatStatus(ctx: WechatContext, remote: RemoteRef): Promise<PublishOutcome> {
  const publishId = publishIdOf(remote);
  const result = await callWechat(ctx, {
    path: '/cgi-bin/freepublish/get',
    body: { type: 'json', value: { publish_id: publishId } },
    schema: PublishStatusReplySchema,
    repeatable: true,
  });
  if (result.kind !== 'ok') return result.failure;
  return statusOutcome(result.value, remote);
}

/**
 * What a publish_status means: 0 published (the first article's URL, article_id kept in
 * extra and as the remote id from then on); 1 publishing: ask again, never resubmit; 2-6 the
 * article is not (or no longer) public, each with what a person can do.
 */
export function statusOutcome(reply: PublishStatusReply, remote: RemoteRef): PublishOutcome {
  const publishId = publishIdOf(remote);
  const said = `publish_status ${reply.publish_status}${
    reply.fail_idx && reply.fail_idx.length > 0 ? ` fail_idx ${reply.fail_idx.join(',')}` : ''
  }`;
  const failed = (code: string, zh: string, en: string): PublishOutcome => ({
    kind: 'failed',
    reauthorize: false,
    problem: problem('wechat', code, zh, en, said),
  });
  switch (reply.publish_status) {
    case 0: {
      const first = [...(reply.article_detail?.item ?? [])].sort(
        (a, b) => (a.idx ?? 0) - (b.idx ?? 0),
      )[0];
      const articleId =
        reply.article_id !== undefined && reply.article_id !== '' ? reply.article_id : null;
      return {
        kind: 'published',
        remote: {
          remoteId: articleId ?? publishId,
          url: first?.article_url ?? remote.url,
          extra: {
            ...remote.extra,
            publishId,
            ...(articleId === null ? {} : { articleId }),
          },
        },
      };
    }
    case 1:
      return { kind: 'pending', remote, checkAfterMs: STATUS_CHECK_MS };
    case 2:
      return failed(
        'wechat.publish-originality',
        '微信发表失败：文章没有通过原创校验。请在公众号后台“发表记录”中查看原因，修改原创声明或内容后在后台重新发表，或修改稿件后重新提交。',
        'WeChat did not publish the article: it failed the originality check. See why under 发表记录 (published records) in the Official Account platform, change the originality claim or the text and publish it there, or change the release and submit it again.',
      );
    case 3:
      return failed(
        'wechat.publish-failed',
        '微信发表失败，微信没有说明原因。请在公众号后台“发表记录”中查看这篇文章的状态，然后重新提交或在后台重新发表。',
        'WeChat did not publish the article and gave no reason. Check its state under 发表记录 (published records) in the Official Account platform, then submit it again or publish it there.',
      );
    case 4:
      return failed(
        'wechat.publish-rejected',
        '微信平台审核没有通过，文章未发表。请在公众号后台查看审核意见，修改内容后重新提交。',
        'WeChat’s review rejected the article, so it was not published. Read the review notes in the Official Account platform, change the content, then submit it again.',
      );
    case 5:
      return failed(
        'wechat.publish-deleted',
        '这篇文章发表后已在公众号后台被删除，读者已看不到。如需重新发表，请重新提交稿件。',
        'The article was published and then deleted in the Official Account platform; readers can no longer see it. Submit the release again if it should be published again.',
      );
    case 6:
      return failed(
        'wechat.publish-banned',
        '这篇文章发表后已被微信平台封禁，读者已看不到。请在公众号后台查看微信的通知并按要求处理。',
        'The article was published and then banned by WeChat; readers can no longer see it. Read WeChat’s notice in the Official Account platform and follow it.',
      );
    default: {
      // The schema admits 0..6 only; a new status is an unexpected reply.
      const status = reply.publish_status;
      return {
        kind: 'retry',
        afterMs: STATUS_CHECK_MS,
        problem: problem(
          'wechat',
          'wechat.publish-status-unknown',
          `微信返回了未知的发表状态（${status}）；PressDesk 会稍后再查询。`,
          `WeChat answered an unknown publishing state (${status}); PressDesk will ask again later.`,
          said,
        ),
      };
    }
  }
}
