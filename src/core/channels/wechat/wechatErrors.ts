import { assertNever } from '../../../shared/assertNever.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';

/**
 * What a WeChat errcode means for PressDesk, after shared/channels/wechat.md:
 * - busy (-1 system busy): nothing was done; later, with back-off;
 * - token (40001 invalid credential, 40014 invalid access_token, 42001 expired, 41001
 *   missing): the access token is refused; the caller refreshes once and repeats the call
 *   once, and only a second refusal reaches the outbox (as `reauthorize`). From the token
 *   endpoint itself 40001 means a wrong AppSecret and is read as `credentials`;
 * - credentials (40013 invalid AppID, 40125 invalid AppSecret, 41002/41004 AppID/AppSecret
 *   missing): a person must correct the account (`reauthorize`);
 * - ip-whitelist (40164): this computer's public IP is not on the account's whitelist;
 * - unauthorized (48001): the account may not use the API (publishing needs a verified
 *   account);
 * - quota (45009): the daily quota of the API is used up; it resets the next day;
 * - too-frequent (45011 minute quota, e.g. force_refresh within 30 s; 53501 publishing too
 *   often): later;
 * - publish-banned (53500), publish-check (53503), use-website (53504, 53505): a person acts on
 *   the mp website; never retried;
 * - bad-file (40005 file type, 40009 image size): the image must be replaced;
 * - invalid-media (40007 invalid media_id): a cover material or draft that no longer exists
 *   (what that implies depends on the call, see the callers);
 * - content (44003 empty news, 45002 content too long, 45003 title too long, 45004 digest too
 *   long, 45110 author too long [unverified code], 45166 invalid content, 47001 data format):
 *   the article must be changed;
 * - invalid-publish-id (53502), invalid-article-id (53600): WeChat does not know the id;
 * - other: anything else, shown with WeChat's own words.
 */
export type WechatErrorKind =
  | 'busy'
  | 'token'
  | 'credentials'
  | 'ip-whitelist'
  | 'unauthorized'
  | 'quota'
  | 'too-frequent'
  | 'publish-banned'
  | 'publish-check'
  | 'use-website'
  | 'bad-file'
  | 'invalid-media'
  | 'content'
  | 'invalid-publish-id'
  | 'invalid-article-id'
  | 'other';

export function wechatErrorKind(errcode: number): WechatErrorKind {
  switch (errcode) {
    case -1:
      return 'busy';
    case 40001:
    case 40014:
    case 42001:
    case 41001:
      return 'token';
    case 40013:
    case 40125:
    case 41002:
    case 41004:
      return 'credentials';
    case 40164:
      return 'ip-whitelist';
    case 48001:
      return 'unauthorized';
    case 45009:
      return 'quota';
    case 45011:
    case 53501:
      return 'too-frequent';
    case 53500:
      return 'publish-banned';
    case 53503:
      return 'publish-check';
    case 53504:
    case 53505:
      return 'use-website';
    case 40005:
    case 40009:
      return 'bad-file';
    case 40007:
      return 'invalid-media';
    case 44003:
    case 45002:
    case 45003:
    case 45004:
    case 45110:
    case 45166:
    case 47001:
      return 'content';
    case 53502:
      return 'invalid-publish-id';
    case 53600:
      return 'invalid-article-id';
    default:
      return 'other';
  }
}

/** What the outbox does with a refusal of this kind (before any call-specific reading). */
export type WechatErrorAction = 'retry' | 'failed' | 'reauthorize';

export function wechatErrorAction(kind: WechatErrorKind): WechatErrorAction {
  switch (kind) {
    case 'busy':
    case 'too-frequent':
      return 'retry';
    case 'token':
    case 'credentials':
      return 'reauthorize';
    case 'ip-whitelist':
    case 'unauthorized':
    case 'quota':
    case 'publish-banned':
    case 'publish-check':
    case 'use-website':
    case 'bad-file':
    case 'invalid-media':
    case 'content':
    case 'invalid-publish-id':
    case 'invalid-article-id':
    case 'other':
      return 'failed';
    default:
      return assertNever(kind, 'WeChat error kind');
  }
}

/** Wait after -1 (system busy) or a 5xx before trying again, unless Retry-After says. */
export const WECHAT_BUSY_RETRY_MS = 60_000;
/** Wait after 45011 / 53501 (calling or publishing too often). */
export const WECHAT_TOO_FREQUENT_RETRY_MS = 5 * 60_000;

/** The IPv4 or IPv6 address WeChat names in a 40164 errmsg ("invalid ip 1.2.3.4 ipv6 ..."). */
export function ipInErrmsg(errmsg: string): string | null {
  const match = /invalid ip ([0-9a-fA-F.:]+)/i.exec(errmsg);
  return match?.[1] ?? null;
}

const CONTENT_WHAT: Record<number, { zh: string; en: string }> = {
  44003: { zh: '文章内容为空', en: 'the article is empty' },
  45002: { zh: '正文过长', en: 'the body is too long' },
  45003: { zh: '标题过长（最多 32 字）', en: 'the title is too long (at most 32 characters)' },
  45004: { zh: '摘要过长（最多 128 字）', en: 'the digest is too long (at most 128 characters)' },
  45110: { zh: '作者过长（最多 16 字）', en: 'the author is too long (at most 16 characters)' },
  45166: { zh: '正文含有微信不接受的内容', en: 'the body has content WeChat does not accept' },
  47001: { zh: '数据格式有误', en: 'the data format is wrong' },
};

/**
 * The problem a press officer sees for a WeChat refusal, WeChat's own words kept in
 * channelSaid. `kind` may differ from wechatErrorKind(errcode) where the caller knows better
 * (40001 from the token endpoint is `credentials`).
 */
export function wechatErrorProblem(
  errcode: number,
  errmsg: string,
  kind: WechatErrorKind = wechatErrorKind(errcode),
): ChannelProblem {
  const code = `wechat.${errcode}`;
  const said = `${errcode} ${errmsg}`.trim();
  switch (kind) {
    case 'busy':
      return problem(
        'wechat',
        code,
        '微信服务器繁忙，没有处理这次请求；PressDesk 会稍后自动重试，无需处理。',
        'WeChat was busy and did not handle the request; PressDesk will try again later by itself.',
        said,
      );
    case 'token':
      return problem(
        'wechat',
        code,
        '微信不接受 PressDesk 取得的访问令牌（access_token），重新获取后仍然无效。请在公众号后台“设置与开发 → 基本配置”中核对 AppID 和 AppSecret，在“渠道账号”中更新后重新连接，然后重新发布。',
        'WeChat refused the access token PressDesk obtained, even after getting a new one. Check the AppID and AppSecret in the Official Account platform (设置与开发 → 基本配置), update them under Channel accounts, reconnect, then publish again.',
        said,
      );
    case 'credentials':
      return errcode === 40013 || errcode === 41002
        ? problem(
            'wechat',
            code,
            '微信认为 AppID 不正确。请在公众号后台“设置与开发 → 基本配置”中复制开发者ID（AppID），在“渠道账号”中改正后重新连接。',
            'WeChat says the AppID is wrong. Copy the developer ID (AppID) from the Official Account platform (设置与开发 → 基本配置), correct it under Channel accounts, then reconnect.',
            said,
          )
        : problem(
            'wechat',
            code,
            '微信认为 AppSecret 不正确。请在公众号后台“设置与开发 → 基本配置”中查看或重置开发者密码（AppSecret），在“渠道账号”中填入后重新连接。',
            'WeChat says the AppSecret is wrong. Look up or reset the developer password (AppSecret) in the Official Account platform (设置与开发 → 基本配置), enter it under Channel accounts, then reconnect.',
            said,
          );
    case 'ip-whitelist': {
      const ip = ipInErrmsg(errmsg);
      const zhIp = ip === null ? '这台电脑的公网 IP 地址' : `这台电脑的公网 IP 地址 ${ip}`;
      const enIp =
        ip === null
          ? "this computer's public IP address"
          : `${ip}, this computer's public IP address,`;
      return problem(
        'wechat',
        code,
        `微信拒绝了这台电脑的请求：${zhIp}不在公众号的 IP 白名单中。请在公众号后台“设置与开发 → 基本配置 → IP白名单”中添加这个 IP 地址，然后再试。`,
        `WeChat refused this computer: ${enIp} is not on the account's IP whitelist. Add it in the Official Account platform under 设置与开发 → 基本配置 → IP白名单 (IP whitelist), then try again.`,
        said,
      );
    }
    case 'unauthorized':
      return problem(
        'wechat',
        code,
        '微信不允许本公众号调用这个接口（api unauthorized）：草稿和发布接口只对已完成微信认证的公众号开放。请确认公众号已通过认证，并在公众号后台“设置与开发 → 接口权限”中查看发布接口的状态。',
        'WeChat does not let this account use this API (api unauthorized): the draft and publishing APIs are open only to verified Official Accounts. Make sure the account is verified, and check the publishing APIs under 设置与开发 → 接口权限 (API permissions) in the Official Account platform.',
        said,
      );
    case 'quota':
      return problem(
        'wechat',
        code,
        '本公众号今天调用这个微信接口的次数已达上限，次数在明天零点重置。请明天再发布；如确有急需，可在公众号后台“设置与开发 → 接口权限”中查看调用次数。',
        "This account has used up today's quota for this WeChat API; the quota resets at midnight. Publish again tomorrow; if it is urgent, check the call counts under 设置与开发 → 接口权限 (API permissions) in the Official Account platform.",
        said,
      );
    case 'too-frequent':
      return problem(
        'wechat',
        code,
        '微信认为调用或发布过于频繁；PressDesk 会在几分钟后自动重试，无需处理。',
        'WeChat says the account is calling or publishing too often; PressDesk will try again in a few minutes by itself.',
        said,
      );
    case 'publish-banned':
      return problem(
        'wechat',
        code,
        '本公众号的发布功能已被微信封禁，无法发表文章。请登录公众号后台查看微信的通知并按要求处理。',
        "WeChat has banned publishing for this account, so no article can be published. Sign in to the Official Account platform, read WeChat's notice and follow it.",
        said,
      );
    case 'publish-check':
      return problem(
        'wechat',
        code,
        '这篇草稿没有通过微信的发布检查。请登录公众号后台，在草稿箱中打开这篇草稿查看原因，修改后在后台发表，或修改稿件后重新提交。',
        'The draft did not pass WeChat’s publishing check. Sign in to the Official Account platform, open the draft in the draft box to see why, then fix it and publish it there, or change the release and submit it again.',
        said,
      );
    case 'use-website':
      return errcode === 53505
        ? problem(
            'wechat',
            code,
            '微信要求先在公众号后台手动保存这篇草稿才能发表。请登录公众号后台，在草稿箱中打开并保存这篇草稿，然后在后台发表。',
            'WeChat requires the draft to be saved by hand in the Official Account platform before it can be published. Sign in, open and save the draft in the draft box, then publish it there.',
            said,
          )
        : problem(
            'wechat',
            code,
            '微信要求这篇草稿在公众号后台发表，不能通过接口发表。请登录公众号后台（mp.weixin.qq.com），在草稿箱中找到这篇草稿并发表。',
            'WeChat requires this draft to be published in the Official Account platform, not through the API. Sign in at mp.weixin.qq.com, find the draft in the draft box and publish it there.',
            said,
          );
    case 'bad-file':
      return problem(
        'wechat',
        code,
        '微信拒绝了图片：正文图片只能是小于 1 MB 的 JPG 或 PNG。请更换或压缩图片后重新提交。',
        'WeChat refused an image: in-article images must be JPG or PNG under 1 MB. Replace or compress the image, then submit again.',
        said,
      );
    case 'invalid-media':
      return problem(
        'wechat',
        code,
        '微信找不到所引用的素材（media_id 无效）：封面图片或草稿可能已在公众号后台被删除。请重新提交；如仍失败，请在公众号后台“素材库”和“草稿箱”中核对。',
        'WeChat cannot find a material it was given (invalid media_id): the cover image or the draft may have been deleted in the Official Account platform. Submit again; if it fails again, check the material library and the draft box there.',
        said,
      );
    case 'content': {
      const what = CONTENT_WHAT[errcode] ?? {
        zh: '文章不符合微信的要求',
        en: 'the article does not meet WeChat’s rules',
      };
      return problem(
        'wechat',
        code,
        `微信拒绝了这篇文章：${what.zh}。请在编辑器中修改公众号版本后重新提交。`,
        `WeChat refused the article: ${what.en}. Change the WeChat version in the editor, then submit again.`,
        said,
      );
    }
    case 'invalid-publish-id':
      return problem(
        'wechat',
        code,
        '微信不认识这次发布的任务编号（publish_id），无法查询发表结果。请在公众号后台“发表记录”中核对这篇文章是否已经发表。',
        'WeChat does not know this publishing job (publish_id), so its result cannot be read. Check under 发表记录 (published records) in the Official Account platform whether the article was published.',
        said,
      );
    case 'invalid-article-id':
      return problem(
        'wechat',
        code,
        '微信不认识这篇文章的编号（article_id），文章可能已被删除。请在公众号后台“发表记录”中核对。',
        'WeChat does not know this article id (article_id); the article may have been deleted. Check under 发表记录 (published records) in the Official Account platform.',
        said,
      );
    case 'other':
      return problem(
        'wechat',
        code,
        `微信拒绝了请求（错误码 ${errcode}）。请根据微信的说明处理后重新提交，或联系技术支持。`,
        `WeChat refused the request (error ${errcode}). Act on what WeChat said, then submit again, or ask for technical support.`,
        said,
      );
    default:
      return assertNever(kind, 'WeChat error kind');
  }
}
