import type { SettingsOf } from '../../../shared/channels/accountSettings.ts';
import type { Clock } from '../../clock.ts';
import { defaultSleep, type AdapterOptions } from '../adapterOptions.ts';
import { channelHttp, type ChannelHttp } from '../channelHttp.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import type { InstanceLimits } from './mastodonInstance.ts';

/** What every Mastodon call of one account needs. */
export interface MastodonContext {
  http: ChannelHttp;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  settings: SettingsOf<'mastodon'>;
  /** The account's access token; empty when none is stored. */
  token: string;
  /** An API address on the instance: `path` like '/api/v1/statuses'. */
  endpoint(path: string, query?: Record<string, string>): URL;
  /** Authorization header (and any others) for a request. */
  headers(extra?: Record<string, string>): Record<string, string>;
  /** The instance's limits once read: read once per adapter. */
  limits: InstanceLimits | null;
}

export function mastodonContext(options: AdapterOptions<'mastodon'>): MastodonContext {
  const base = options.settings.instanceUrl.replace(/\/+$/, '');
  const token = options.secrets['accessToken']?.trim() ?? '';
  return {
    http: options.http ?? channelHttp('mastodon'),
    clock: options.clock,
    sleep: options.sleep ?? defaultSleep,
    settings: options.settings,
    token,
    endpoint: (path, query = {}) => {
      const url = new URL(`${base}${path}`);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      return url;
    },
    headers: (extra = {}) => ({ authorization: `Bearer ${token}`, ...extra }),
    limits: null,
  };
}

export const NO_TOKEN_PROBLEM: ChannelProblem = problem(
  'mastodon',
  'mastodon.no-token',
  '这个 Mastodon 账号没有保存访问令牌。请在“渠道账号”中填写具有 write:statuses 和 write:media 权限的访问令牌后再发布。',
  'This Mastodon account has no access token stored. Enter an access token with the write:statuses and write:media scopes under Channel accounts, then publish again.',
);
