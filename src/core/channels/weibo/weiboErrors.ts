import { problem, type ChannelProblem } from '../channelProblem.ts';
import type { WeiboError } from './weiboApi.ts';

/**
 * What a Weibo error_code means for PressDesk, after shared/channels/weibo.md:
 * - rate-limit (10022 IP, 10023 user, 10024 user per API): later; back off 15 minutes;
 * - too-often (20016): the account posted too often; later;
 * - busy (10002 service unavailable, 10009 too many pending tasks): nothing was done; later;
 * - internal (10001 system error, 10003 remote service error, 10011 RPC error): Weibo failed
 *   part-way, so a create may or may not have happened;
 * - too-long (20012): the text exceeds 140;
 * - duplicate (20017, 20019, 20111): the same text was just posted: after a lost reply, the
 *   earlier attempt most likely landed;
 * - reauthorize (21301 auth failed, 21314-21319 token used/expired/revoked/rejected, 21324
 *   invalid client, 21325 invalid grant, 21327 expired token, 21332 invalid token): a person
 *   must renew the authorisation; never retried;
 * - safe-domain (10017): a parameter was refused; for statuses/share.json that is the rule that
 *   the text must link to a safe domain of the app (10017 is Weibo's generic "parameter value
 *   invalid", so the message names both);
 * - not-permitted (10005 high-level app key needed, 10014 insufficient app permissions, 21335
 *   [unverified]): the app may not call this API (statuses/destroy/biz.json for apps that are
 *   not commercial: which code Weibo answers there is [unverified]; the sandbox uses 10014);
 * - api-missing (10020 request API not found): the same for an API the app cannot see;
 * - not-found (20101): the status does not exist (deleted);
 * - bad-image (20005 unsupported type, 20006 too large);
 * - other: anything else Weibo refuses, shown with its own words.
 */
export type WeiboErrorKind =
  | 'rate-limit'
  | 'too-often'
  | 'busy'
  | 'internal'
  | 'too-long'
  | 'duplicate'
  | 'reauthorize'
  | 'safe-domain'
  | 'not-permitted'
  | 'api-missing'
  | 'not-found'
  | 'bad-image'
  | 'other';

export function weiboErrorKind(code: number): WeiboErrorKind {
  if (code >= 10022 && code <= 10024) return 'rate-limit';
  if (code >= 21314 && code <= 21319) return 'reauthorize';
  switch (code) {
    case 20016:
      return 'too-often';
    case 10002:
    case 10009:
      return 'busy';
    case 10001:
    case 10003:
    case 10011:
      return 'internal';
    case 20012:
      return 'too-long';
    case 20017:
    case 20019:
    case 20111:
      return 'duplicate';
    case 21301:
    case 21324:
    case 21325:
    case 21327:
    case 21332:
      return 'reauthorize';
    case 10017:
      return 'safe-domain';
    case 10005:
    case 10014:
    case 21335:
      return 'not-permitted';
    case 10020:
      return 'api-missing';
    case 20101:
      return 'not-found';
    case 20005:
    case 20006:
      return 'bad-image';
    default:
      return 'other';
  }
}

/** Back-off after 10022-10024 (hourly quotas), unless Weibo sent Retry-After. */
export const WEIBO_RATE_LIMIT_BACKOFF_MS = 15 * 60_000;
/** Back-off after 20016 (posting too often). */
export const WEIBO_TOO_OFTEN_BACKOFF_MS = 5 * 60_000;
/** Back-off after busy or failing servers (10002, 10009, 5xx). */
export const WEIBO_BUSY_BACKOFF_MS = 2 * 60_000;

/** The problem a press officer sees for a Weibo error, with Weibo's own words kept. */
export function weiboErrorProblem(error: WeiboError): ChannelProblem {
  const code = `weibo.${error.error_code}`;
  const said = `${error.error_code} ${error.error}`;
  const kind = weiboErrorKind(error.error_code);
  switch (kind) {
    case 'rate-limit':
      return problem(
        'weibo',
        code,
        '微博接口调用次数已达上限，PressDesk 会在稍后自动重试，无需处理。',
        'Weibo says the API quota is used up for now; PressDesk will try again later by itself.',
        said,
      );
    case 'too-often':
      return problem(
        'weibo',
        code,
        '微博认为本账号发布过于频繁，PressDesk 会在几分钟后自动重试，无需处理。',
        'Weibo says this account is posting too often; PressDesk will try again in a few minutes by itself.',
        said,
      );
    case 'busy':
      return problem(
        'weibo',
        code,
        '微博服务器暂时繁忙，没有处理这次请求；PressDesk 会在稍后自动重试。',
        'Weibo is busy and did not handle the request; PressDesk will try again later by itself.',
        said,
      );
    case 'internal':
      return problem(
        'weibo',
        code,
        '微博服务器内部出错，不确定请求是否已经生效。',
        'Weibo failed while handling the request: it is not certain whether it took effect.',
        said,
      );
    case 'too-long':
      return problem(
        'weibo',
        code,
        '微博认为正文超过 140 字。请在编辑器中缩短微博文本后重新提交。',
        'Weibo says the text is longer than 140 characters. Shorten the Weibo text in the editor and submit it again.',
        said,
      );
    case 'duplicate':
      return problem(
        'weibo',
        code,
        '微博拒绝了重复内容：同样的文字刚刚已经发布过，很可能是上一次尝试已经成功。PressDesk 会核对账号的微博列表，请不要手动再发一次。',
        'Weibo refused the text as a repeat: the same text was just posted, most likely by the previous attempt. PressDesk will check the account’s timeline; do not post it again by hand.',
        said,
      );
    case 'reauthorize':
      return problem(
        'weibo',
        code,
        '微博授权已失效（过期、被撤销或无效）。请在“渠道账号”中重新授权微博账号，然后重新发布。',
        'The Weibo authorisation is no longer valid (expired, revoked or invalid). Re-authorise the Weibo account under Channel accounts, then publish again.',
        said,
      );
    case 'safe-domain':
      return problem(
        'weibo',
        code,
        '微博拒绝了参数：通常是正文中的链接不在应用登记的“安全域名”内。请在微博开放平台把门户网站的域名登记为该应用的安全域名，然后重新发布。',
        'Weibo refused a parameter: usually the link in the text is not under a "safe domain" of the app. Register the portal’s domain as a safe domain of the app on the Weibo open platform, then publish again.',
        said,
      );
    case 'not-permitted':
    case 'api-missing':
      return problem(
        'weibo',
        code,
        '微博不允许本应用调用此接口（权限不足）。',
        'Weibo does not allow this app to use this API (insufficient permissions).',
        said,
      );
    case 'not-found':
      return problem(
        'weibo',
        code,
        '这条微博在微博上已不存在（可能已被删除）。',
        'This post no longer exists on Weibo (it may have been deleted).',
        said,
      );
    case 'bad-image':
      return problem(
        'weibo',
        code,
        '微博拒绝了配图（只接受小于 5 MB 的 JPEG、GIF 或 PNG 图片）。请更换配图后重新发布。',
        'Weibo refused the image (it takes JPEG, GIF or PNG under 5 MB). Replace the image and publish again.',
        said,
      );
    case 'other':
      return problem(
        'weibo',
        code,
        `微博拒绝了请求（错误码 ${error.error_code}）。请根据微博的说明处理后重新提交，或联系技术支持。`,
        `Weibo refused the request (error ${error.error_code}). Act on what Weibo said, then submit again, or ask for technical support.`,
        said,
      );
    default: {
      const never: never = kind;
      throw new Error(`unhandled Weibo error kind ${String(never)}`);
    }
  }
}
