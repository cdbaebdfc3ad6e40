/**
 * The WeChat Official Account adapter (公众号: draft box + free publishing). See
 * /shared/channels/wechat.md.
 *
 * Repeat safety, per call:
 * - stable_token (force_refresh false): safe, it hands back the same token while valid.
 *   force_refresh true only after WeChat refused a token (limited to 20 a day, 30 s apart).
 * - media/uploadimg: safe (a second upload gives another URL of the same image); cached by
 *   content hash, so an image is uploaded once per account.
 * - material/add_material: NOT safe, each call creates a new permanent material; cached by
 *   content hash (kind 'wechat-cover'), and a lost reply is `unknown` (the orphan material
 *   is harmless).
 * - draft/add: NOT safe (a repeat makes a second draft); a lost reply is `unknown` and the
 *   orphan draft is harmless: drafts are never public. media_id is saved in progress before
 *   anything else is sent.
 * - freepublish/submit: NOT safe, never repeated blindly. submitSentAt is saved before it is
 *   sent and publish_id as soon as it answers; a lost reply is `unknown`, and reconcile
 *   decides with draft/get (submit removes the draft) and freepublish/batchget.
 * - freepublish/get, /batchget, draft/get: safe (reads).
 * - freepublish/delete: safe: deleting an article that is already deleted answers 53600
 *   (Article ID 无效), which counts as done.
 */
import type {
  ChangeOutcome,
  ChannelAdapter,
  RemoteRef,
  RepeatSafety,
  VerifyOutcome,
} from '../adapter.ts';
import type { AdapterOptions } from '../adapterOptions.ts';
import { problem } from '../channelProblem.ts';
import { BatchgetReplySchema, OkReplySchema } from './wechatApi.ts';
import { callWechat } from './wechatCall.ts';
import { NO_SECRET_PROBLEM, wechatContext, type WechatContext } from './wechatContext.ts';
import { publishToWechat } from './wechatPublish.ts';
import { reconcileWechat } from './wechatReconcile.ts';
import { STATUS_CHECK_MS, wechatStatus } from './wechatStatus.ts';

export const WECHAT_REPEAT_SAFETY: RepeatSafety = {
  publish: {
    safe: false,
    why: 'draft/add and freepublish/submit are not idempotent: a repeat makes a second draft or a second article. The draft media_id and the publish_id are saved as soon as WeChat gives them; after a lost submit reply, reconcile checks the draft box (draft/get) and the published list (freepublish/batchget) before anything is submitted again.',
  },
  update: {
    safe: true,
    why: 'WeChat has no edit of a published article: the adapter sends nothing and asks a person to act.',
  },
  retract: {
    safe: true,
    why: 'Deleting an article that is already deleted answers 53600 (Article ID 无效), which counts as done.',
  },
};

export function createWechatAdapter(options: AdapterOptions<'wechat'>): ChannelAdapter<'wechat'> {
  const ctx = wechatContext(options);
  return {
    channel: 'wechat',
    repeatSafety: WECHAT_REPEAT_SAFETY,
    verify: () => verify(ctx),
    publish: (post, progress) => publishToWechat(ctx, post, progress),
    status: (remote) =>
      ctx.appSecret === ''
        ? Promise.resolve({ kind: 'failed', problem: NO_SECRET_PROBLEM, reauthorize: true })
        : wechatStatus(ctx, remote),
    update: (remote) => Promise.resolve(manualUpdate(remote)),
    retract: (remote) => retract(ctx, remote),
    reconcile: (post, progress) => reconcileWechat(ctx, post, progress),
  };
}

/**
 * A token from the AppID and AppSecret (stable_token), then a cheap authorised read of the
 * publishing API (freepublish/batchget, one post, no content): it fails with 40164 when this
 * computer's IP is not whitelisted and 48001 when the account may not publish through the API.
 */
async function verify(ctx: WechatContext): Promise<VerifyOutcome> {
  if (ctx.appSecret === '') return { ok: false, problem: NO_SECRET_PROBLEM, reauthorize: true };
  const result = await callWechat(ctx, {
    path: '/cgi-bin/freepublish/batchget',
    body: { type: 'json', value: { offset: 0, count: 1, no_content: 1 } },
    schema: BatchgetReplySchema,
    repeatable: true,
  });
  if (result.kind !== 'ok') {
    const failure = result.failure;
    return {
      ok: false,
      problem: failure.problem,
      reauthorize: failure.kind === 'failed' && failure.reauthorize,
    };
  }
  const appId = ctx.settings.appId;
  const total = result.value.total_count;
  return {
    ok: true,
    accountName: `公众号 ${appId}`,
    details: [
      { zh: `AppID：${appId}`, en: `AppID: ${appId}` },
      {
        zh: '这台电脑的 IP 地址在公众号的 IP 白名单中。',
        en: 'This computer’s IP address is on the account’s IP whitelist.',
      },
      {
        zh: `草稿与发布接口可用，已发表 ${total} 篇文章。`,
        en: `The draft and publishing APIs are available; ${total} ${total === 1 ? 'article' : 'articles'} published so far.`,
      },
      ctx.settings.openComment
        ? { zh: '新发表的文章将开启留言。', en: 'Comments will be open on new articles.' }
        : { zh: '新发表的文章不开启留言。', en: 'Comments will be closed on new articles.' },
    ],
  };
}

function manualUpdate(remote: RemoteRef): ChangeOutcome {
  const where = remote.url ?? `article_id ${remote.extra?.['articleId'] ?? remote.remoteId}`;
  return {
    kind: 'manual',
    url: remote.url,
    instructions: problem(
      'wechat',
      'wechat.no-edit',
      `微信不支持通过接口修改已发表的文章。请登录公众号后台，在“发表记录”中找到这篇文章（${where}）进行修改（微信只允许少量改动），或发表一篇更正说明。`,
      `WeChat offers no API to change a published article. Sign in to the Official Account platform, find the article under 发表记录 (published records) (${where}) and edit it there (WeChat allows only small changes), or publish a correction.`,
    ),
  };
}

/**
 * freepublish/delete {article_id, index 0}: every article of the post, irreversibly. With
 * only a publish_id (retracted before `status` saw it published), freepublish/get first.
 */
async function retract(ctx: WechatContext, remote: RemoteRef): Promise<ChangeOutcome> {
  if (ctx.appSecret === '')
    return { kind: 'failed', problem: NO_SECRET_PROBLEM, reauthorize: true };
  let target = remote;
  if (remote.extra?.['articleId'] === undefined) {
    const status = await wechatStatus(ctx, remote);
    switch (status.kind) {
      case 'published':
        target = status.remote;
        break;
      case 'pending':
        return {
          kind: 'retry',
          afterMs: STATUS_CHECK_MS,
          problem: problem(
            'wechat',
            'wechat.retract-while-publishing',
            '这篇文章仍在发表中，发表完成前无法删除；PressDesk 会稍后再试。',
            'The article is still being published and cannot be deleted until that ends; PressDesk will try again shortly.',
          ),
        };
      case 'failed':
        // Never public (2-4) or no longer public (5, 6): nothing to delete.
        if (status.problem.code.startsWith('wechat.publish-')) return { kind: 'done', remote };
        return status;
      case 'retry':
      case 'unknown':
        return status;
      default: {
        const never: never = status;
        throw new Error(`unhandled outcome ${JSON.stringify(never)}`);
      }
    }
  }
  const articleId = target.extra?.['articleId'];
  if (articleId === undefined) {
    return {
      kind: 'failed',
      reauthorize: false,
      problem: problem(
        'wechat',
        'wechat.no-article-id',
        '微信没有给出这篇文章的编号（article_id），无法通过接口删除。请登录公众号后台，在“发表记录”中手动删除这篇文章。',
        'WeChat gave no article id (article_id) for this article, so it cannot be deleted through the API. Sign in to the Official Account platform and delete it by hand under 发表记录 (published records).',
      ),
    };
  }
  const result = await callWechat(ctx, {
    path: '/cgi-bin/freepublish/delete',
    body: { type: 'json', value: { article_id: articleId, index: 0 } },
    schema: OkReplySchema,
    repeatable: true,
  });
  if (result.kind === 'ok') return { kind: 'done', remote: target };
  if (result.kind === 'refused' && result.errorKind === 'invalid-article-id') {
    return { kind: 'done', remote: target };
  }
  return result.failure;
}
