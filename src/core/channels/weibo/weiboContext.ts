import type { SettingsOf } from '../../../shared/channels/accountSettings.ts';
import type { Clock } from '../../clock.ts';
import type { AdapterOptions } from '../adapterOptions.ts';
import { channelHttp, type ChannelHttp } from '../channelHttp.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';

/** What every Weibo call of one account needs. */
export interface WeiboContext {
  http: ChannelHttp;
  clock: Clock;
  settings: SettingsOf<'weibo'>;
  /** The account's access token; empty when none is stored. */
  token: string;
  /** An API address: `path` relative to settings.apiBase (e.g. 'statuses/share.json'). */
  endpoint(path: string, query?: Record<string, string>): URL;
}

export function weiboContext(options: AdapterOptions<'weibo'>): WeiboContext {
  const base = options.settings.apiBase.replace(/\/+$/, '');
  return {
    http: options.http ?? channelHttp('weibo'),
    clock: options.clock,
    settings: options.settings,
    token: options.secrets['accessToken']?.trim() ?? '',
    endpoint: (path, query = {}) => {
      const url = new URL(`${base}/${path}`);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      return url;
    },
  };
}

export const NO_TOKEN_PROBLEM: ChannelProblem = problem(
  'weibo',
  'weibo.no-token',
  '这个微博账号没有保存访问令牌（access token）。请在“渠道账号”中授权微博账号后再发布。',
  'This Weibo account has no access token stored. Authorise the Weibo account under Channel accounts, then publish again.',
);
