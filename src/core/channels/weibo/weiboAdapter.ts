/**
 * The Weibo adapter (API v2, one OAuth2 access token per account). See
 * shared/channels/weibo.md.
 *
 * Repeat safety, per call:
 * - publish (statuses/share.json): NOT safe to repeat. Weibo has no idempotency key, so a
 *   lost reply is `unknown`; a repeat that Weibo answers with 20017/20019/20111 (duplicate
 *   content) is `unknown` too, as the first attempt most likely landed. `reconcile` then looks
 *   for the text in the account's own timeline (links compared leniently, as Weibo returns
 *   them shortened to t.cn).
 * - update: makes no call (Weibo has no edit): always `manual`, so repeating is harmless.
 * - retract (statuses/destroy/biz.json): safe to repeat: deleting a deleted status answers
 *   20101, which counts as done.
 */
import type { Message } from '../../../shared/content/finding.ts';
import { WEIBO_MAX_LENGTH } from '../../content/render/weiboLength.ts';
import type {
  ChangeOutcome,
  ChannelAdapter,
  PublishOutcome,
  RemoteRef,
  RepeatSafety,
  VerifyOutcome,
} from '../adapter.ts';
import type { AdapterOptions } from '../adapterOptions.ts';
import { problem } from '../channelProblem.ts';
import { WeiboStatusSchema, WeiboUidSchema, WeiboUserShowSchema } from './weiboApi.ts';
import { weiboCall, weiboFailure } from './weiboCall.ts';
import { NO_TOKEN_PROBLEM, weiboContext, type WeiboContext } from './weiboContext.ts';
import { publishToWeibo } from './weiboPublish.ts';
import { reconcileWeibo } from './weiboReconcile.ts';
import { weiboRemote } from './weiboRemote.ts';

export const WEIBO_REPEAT_SAFETY: RepeatSafety = {
  publish: {
    safe: false,
    why: 'Weibo has no idempotency key: a repeat posts a second copy, or is refused as duplicate content (20017/20019/20111); reconcile checks the account timeline instead.',
  },
  update: {
    safe: true,
    why: 'Weibo has no edit: the adapter sends nothing and asks a person to act.',
  },
  retract: {
    safe: true,
    why: 'Deleting a status that is already gone answers 20101, which counts as done.',
  },
};

/** Warn in the connection test when the token expires within this many days. */
const EXPIRY_WARNING_DAYS = 3;
const DAY_MS = 86_400_000;

export function createWeiboAdapter(options: AdapterOptions<'weibo'>): ChannelAdapter<'weibo'> {
  const ctx = weiboContext(options);
  return {
    channel: 'weibo',
    repeatSafety: WEIBO_REPEAT_SAFETY,
    verify: () => verify(ctx),
    publish: (post, progress) => publishToWeibo(ctx, post, progress),
    status: (remote) => status(ctx, remote),
    update: (remote) => Promise.resolve(manualUpdate(remote)),
    retract: (remote) => retract(ctx, remote),
    reconcile: (post, progress) => reconcileWeibo(ctx, post, progress),
  };
}

/**
 * account/get_uid.json, then users/show.json for the screen name (a failure of the second,
 * unless the token is refused, still passes with the uid as the name). A token that expires
 * within EXPIRY_WARNING_DAYS (settings.tokenExpiresOn) passes with a warning in `details`.
 */
async function verify(ctx: WeiboContext): Promise<VerifyOutcome> {
  if (ctx.token === '') return { ok: false, problem: NO_TOKEN_PROBLEM, reauthorize: true };
  const now = ctx.clock.now();
  const uid = await weiboCall(
    ctx.http,
    { method: 'GET', url: ctx.endpoint('account/get_uid.json', { access_token: ctx.token }) },
    WeiboUidSchema,
  );
  if (uid.kind !== 'ok') {
    const failure = weiboFailure(uid, true, now);
    return {
      ok: false,
      problem: failure.problem,
      reauthorize: failure.kind === 'failed' && failure.reauthorize,
    };
  }
  const id = String(uid.value.uid);
  const details: Message[] = [{ zh: `微博用户 ID：${id}`, en: `Weibo user id: ${id}` }];
  const user = await weiboCall(
    ctx.http,
    {
      method: 'GET',
      url: ctx.endpoint('users/show.json', { access_token: ctx.token, uid: id }),
    },
    WeiboUserShowSchema,
  );
  let accountName = id;
  if (user.kind === 'ok') {
    accountName = user.value.screen_name;
  } else {
    const failure = weiboFailure(user, true, now);
    if (failure.kind === 'failed' && failure.reauthorize) {
      return { ok: false, problem: failure.problem, reauthorize: true };
    }
    details.push({
      zh: `未能读取账号昵称：${failure.problem.message.zh}`,
      en: `Could not read the account's screen name: ${failure.problem.message.en}`,
    });
  }
  details.push({
    zh: `每条微博最多 ${WEIBO_MAX_LENGTH} 字。`,
    en: `At most ${WEIBO_MAX_LENGTH} characters a post.`,
  });
  const expiry = expiryDetail(ctx.settings.tokenExpiresOn, now);
  if (expiry !== null) details.push(expiry);
  return { ok: true, accountName, details };
}

/** The token's expiry as a detail line: a warning when it is near or past. */
export function expiryDetail(expiresOn: string | null, now: Date): Message | null {
  if (expiresOn === null) return null;
  // The day is the office's (China Standard Time); the token is treated as gone at its start.
  const expiresAt = Date.parse(`${expiresOn}T00:00:00+08:00`);
  if (Number.isNaN(expiresAt)) return null;
  const daysLeft = (expiresAt - now.getTime()) / DAY_MS;
  if (daysLeft <= 0) {
    return {
      zh: `警告：设置中记录的令牌到期日（${expiresOn}）已过，微博目前仍接受该令牌，但随时可能失效，请立即重新授权。`,
      en: `Warning: the token's recorded expiry date (${expiresOn}) has passed; Weibo still accepts it for now but may stop at any moment: re-authorise the account now.`,
    };
  }
  if (daysLeft <= EXPIRY_WARNING_DAYS) {
    const days = Math.ceil(daysLeft);
    return {
      zh: `警告：访问令牌将于 ${expiresOn} 到期（${days} 天内），请在此之前重新授权，否则微博发布将会停止。`,
      en: `Warning: the access token expires on ${expiresOn} (within ${days} ${days === 1 ? 'day' : 'days'}): re-authorise the account before then, or publishing to Weibo will stop.`,
    };
  }
  return {
    zh: `访问令牌有效期至 ${expiresOn}。`,
    en: `The access token is valid until ${expiresOn}.`,
  };
}

/**
 * Weibo publishes at once, so a Weibo publication is never `pending`; this confirms that the
 * status still exists (statuses/show.json).
 */
async function status(ctx: WeiboContext, remote: RemoteRef): Promise<PublishOutcome> {
  if (ctx.token === '') return { kind: 'failed', problem: NO_TOKEN_PROBLEM, reauthorize: true };
  const result = await weiboCall(
    ctx.http,
    {
      method: 'GET',
      url: ctx.endpoint('statuses/show.json', { access_token: ctx.token, id: remote.remoteId }),
    },
    WeiboStatusSchema,
  );
  if (result.kind === 'ok') {
    const found = weiboRemote(result.value);
    return { kind: 'published', remote: { ...remote, url: found.url ?? remote.url } };
  }
  return weiboFailure(result, true, ctx.clock.now());
}

function manualUpdate(remote: RemoteRef): ChangeOutcome {
  const where = remote.url ?? `ID ${remote.remoteId}`;
  return {
    kind: 'manual',
    url: remote.url,
    instructions: problem(
      'weibo',
      'weibo.no-edit',
      `微博不支持通过接口修改已发布的微博。请打开 ${where}，在微博上手动编辑（如账号有编辑权限），或删除后重新发布更正后的内容。`,
      `Weibo offers no API to edit a published post. Open ${where} and edit it on Weibo by hand (if the account may edit), or delete it and publish the corrected text again.`,
    ),
  };
}

/**
 * statuses/destroy/biz.json. Weibo documents it for commercial apps only: an app that may not
 * use it (10005/10014/21335, or 10020 when the API is hidden from it) gets `manual` with the
 * link; 20101 (already gone) is done.
 */
async function retract(ctx: WeiboContext, remote: RemoteRef): Promise<ChangeOutcome> {
  if (ctx.token === '') return { kind: 'failed', problem: NO_TOKEN_PROBLEM, reauthorize: true };
  const result = await weiboCall(
    ctx.http,
    {
      method: 'POST',
      url: ctx.endpoint('statuses/destroy/biz.json'),
      body: { type: 'form', value: { access_token: ctx.token, id: remote.remoteId } },
    },
    WeiboStatusSchema,
  );
  if (result.kind === 'ok') return { kind: 'done', remote };
  if (result.kind === 'weibo-error') {
    if (result.errorKind === 'not-found') return { kind: 'done', remote };
    if (result.errorKind === 'not-permitted' || result.errorKind === 'api-missing') {
      const where = remote.url ?? `ID ${remote.remoteId}`;
      return {
        kind: 'manual',
        url: remote.url,
        instructions: problem(
          'weibo',
          'weibo.delete-by-hand',
          `微博只允许商业应用通过接口删除微博，本应用没有这个权限。请登录微博账号，打开 ${where}，手动删除这条微博，然后在 PressDesk 中确认已撤回。`,
          `Weibo lets only commercial apps delete posts through its API, and this app may not. Sign in to the Weibo account, open ${where}, delete the post by hand, then confirm the retraction in PressDesk.`,
          result.problem.channelSaid,
        ),
      };
    }
  }
  return weiboFailure(result, true, ctx.clock.now());
}
