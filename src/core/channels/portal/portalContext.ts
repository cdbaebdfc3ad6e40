import type { SettingsOf } from '../../../shared/channels/accountSettings.ts';
import type { Clock } from '../../clock.ts';
import { defaultSleep, type AdapterOptions, type UploadCache } from '../adapterOptions.ts';
import { channelHttp, type ChannelHttp } from '../channelHttp.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { apiRootFromLink, fallbackRestRoot, restRoot, type RestRoot } from './restRoot.ts';

/**
 * Why the REST root could not be found: the home page did not answer (not sent / lost), it
 * answered with a server error, or it announced a root PressDesk will not send credentials to.
 */
export type RootFailure =
  | { kind: 'not-sent'; problem: ChannelProblem }
  | { kind: 'lost'; problem: ChannelProblem }
  | { kind: 'unavailable'; status: number; retryAfter: string | undefined; problem: ChannelProblem }
  | { kind: 'setup'; problem: ChannelProblem };

export type RootResult = { ok: true; root: RestRoot } | { ok: false; failure: RootFailure };

/** What every WordPress call of one account needs. */
export interface PortalContext {
  http: ChannelHttp;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  uploads: UploadCache;
  settings: SettingsOf<'portal'>;
  /** `Basic base64(username:applicationPassword)`; null when no application password is stored. */
  authorization: string | null;
  /** The site's REST root, found once per adapter from the home page's Link header. */
  root(): Promise<RootResult>;
}

export function portalContext(options: AdapterOptions<'portal'>): PortalContext {
  const http = options.http ?? channelHttp('portal');
  const password = options.secrets['applicationPassword']?.trim() ?? '';
  const username = options.settings.username.trim();
  const authorization =
    password === ''
      ? null
      : `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  let found: RestRoot | null = null;
  return {
    http,
    clock: options.clock,
    sleep: options.sleep ?? defaultSleep,
    uploads: options.uploads,
    settings: options.settings,
    authorization,
    root: async () => {
      if (found !== null) return { ok: true, root: found };
      const result = await discoverRoot(http, options.settings.siteUrl);
      if (result.ok) found = result.root;
      return result;
    },
  };
}

/**
 * GET the home page (redirects followed) and read its Link rel="https://api.w.org/". A page
 * without one (a proxy that strips headers, a site that removed the link) falls back to
 * `<siteUrl>/wp-json/`. Server errors and lost replies are not remembered: the next call asks
 * again. An announced root over plain http for an https site is refused: the application
 * password would travel unencrypted.
 */
export async function discoverRoot(http: ChannelHttp, siteUrl: string): Promise<RootResult> {
  const result = await http({ method: 'GET', url: siteUrl, followRedirects: true });
  if (result.kind !== 'reply') return { ok: false, failure: result };
  const reply = result.reply;
  if (reply.status === 429 || reply.status >= 500) {
    return {
      ok: false,
      failure: {
        kind: 'unavailable',
        status: reply.status,
        retryAfter: reply.headers['retry-after'],
        problem: problem(
          'portal',
          'portal.home-unavailable',
          `门户网站首页暂时无法访问（HTTP ${reply.status}），无法找到它的 REST API 地址。`,
          `The portal's home page is not available for now (HTTP ${reply.status}), so its REST API address cannot be found.`,
        ),
      },
    };
  }
  const announced = apiRootFromLink(reply.headers['link'], siteUrl);
  if (announced === null) return { ok: true, root: fallbackRestRoot(siteUrl) };
  if (new URL(siteUrl).protocol === 'https:' && new URL(announced).protocol === 'http:') {
    return {
      ok: false,
      failure: {
        kind: 'setup',
        problem: problem(
          'portal',
          'portal.insecure-api-root',
          `门户网站是 https 地址，但它声明的 REST API 地址是不加密的 http（${announced}），PressDesk 不会把应用密码明文发送过去。请站点管理员在 WordPress“设置 → 常规”中把站点地址改为 https。`,
          `The portal is an https site but announces its REST API at an unencrypted http address (${announced}); PressDesk will not send the application password there in clear. Ask the site's administrator to set the addresses under Settings → General in WordPress to https.`,
        ),
      },
    };
  }
  return { ok: true, root: restRoot(announced) };
}

export const NO_PASSWORD_PROBLEM: ChannelProblem = problem(
  'portal',
  'portal.no-application-password',
  '这个门户网站账号没有保存应用密码。请在 WordPress 后台“用户 → 个人资料 → 应用密码”中新建一个，填入渠道账号后再发布。',
  'This portal account has no application password stored. Create one in WordPress under Users → Profile → Application Passwords, enter it in the channel account, then publish again.',
);
