import type { AccountSecrets, AccountSettings } from '../../shared/channels/accountSettings.ts';
import type { Clock } from '../clock.ts';
import type { AnyChannelAdapter } from './adapter.ts';
import type { UploadCache } from './adapterOptions.ts';
import { createAppfeedAdapter } from './appfeed/appfeedAdapter.ts';
import { createMastodonAdapter } from './mastodon/mastodonAdapter.ts';
import { createPortalAdapter } from './portal/portalAdapter.ts';
import { createWechatAdapter } from './wechat/wechatAdapter.ts';
import { createWeiboAdapter } from './weibo/weiboAdapter.ts';
import type { ChannelHttp } from './channelHttp.ts';

export interface AdapterDeps {
  clock: Clock;
  uploads: UploadCache;
  http?: ChannelHttp | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** The adapter of one account, by its channel. */
export function createAdapter(
  settings: AccountSettings,
  secrets: AccountSecrets,
  deps: AdapterDeps,
): AnyChannelAdapter {
  switch (settings.channel) {
    case 'portal':
      return createPortalAdapter({ settings, secrets, ...deps });
    case 'wechat':
      return createWechatAdapter({ settings, secrets, ...deps });
    case 'weibo':
      return createWeiboAdapter({ settings, secrets, ...deps });
    case 'mastodon':
      return createMastodonAdapter({ settings, secrets, ...deps });
    case 'appfeed':
      return createAppfeedAdapter({ settings, secrets, ...deps });
    default: {
      const never: never = settings;
      throw new Error(`No adapter for ${JSON.stringify(never)}`);
    }
  }
}
