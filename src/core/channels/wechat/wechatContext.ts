import type { SettingsOf } from '../../../shared/channels/accountSettings.ts';
import type { Clock } from '../../clock.ts';
import { defaultSleep, type AdapterOptions, type UploadCache } from '../adapterOptions.ts';
import { channelHttp, type ChannelHttp } from '../channelHttp.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';

/** What every WeChat call of one account needs. */
export interface WechatContext {
  http: ChannelHttp;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  settings: SettingsOf<'wechat'>;
  /** settings.apiBase without a trailing slash. */
  apiBase: string;
  /** The account's AppSecret; empty when none is stored. */
  appSecret: string;
  uploads: UploadCache;
  /** An API address: `path` (e.g. '/cgi-bin/draft/add') under apiBase, with its query. */
  endpoint(path: string, query?: Readonly<Record<string, string>>): URL;
}

export function wechatContext(options: AdapterOptions<'wechat'>): WechatContext {
  const apiBase = options.settings.apiBase.replace(/\/+$/, '');
  return {
    http: options.http ?? channelHttp('wechat'),
    clock: options.clock,
    sleep: options.sleep ?? defaultSleep,
    settings: options.settings,
    apiBase,
    appSecret: options.secrets['appSecret']?.trim() ?? '',
    uploads: options.uploads,
    endpoint: (path, query = {}) => {
      const url = new URL(`${apiBase}${path}`);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      return url;
    },
  };
}

export const NO_SECRET_PROBLEM: ChannelProblem = problem(
  'wechat',
  'wechat.no-secret',
  '这个公众号账号没有保存开发者密码（AppSecret）。请在公众号后台“设置与开发 → 基本配置”中查看或重置 AppSecret，在“渠道账号”中填入后再发布。',
  'This Official Account has no AppSecret stored. Look up or reset the AppSecret in the Official Account platform (设置与开发 → 基本配置), enter it under Channel accounts, then publish again.',
);
