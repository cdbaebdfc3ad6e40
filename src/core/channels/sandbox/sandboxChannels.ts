import { join } from 'node:path';
import type { ChannelId } from '../../../shared/content/channelId.ts';
import { startAppfeedSandbox } from '../appfeed/sandbox/appBackendSimulator.ts';
import { startMastodonSandbox } from '../mastodon/sandbox/mastodonSimulator.ts';
import { startPortalSandbox } from '../portal/sandbox/wordpressSimulator.ts';
import { startWechatSandbox } from '../wechat/sandbox/wechatSimulator.ts';
import { startWeiboSandbox } from '../weibo/sandbox/weiboSimulator.ts';
import type { SandboxChannel } from './sandboxChannel.ts';

/** The five sandbox channels of one session. */
export interface SandboxChannels {
  readonly channels: { readonly [C in ChannelId]: SandboxChannel<C> };
  close(): Promise<void>;
}

/**
 * Starts every sandbox channel on 127.0.0.1 (random ports): what `npm start` offers a newcomer
 * to publish to without touching public accounts. The app feed's files go to
 * `<dataDir>/sandbox/appfeed`.
 */
export async function startSandboxChannels(options: {
  dataDir: string;
  now?: () => Date;
}): Promise<SandboxChannels> {
  const now = options.now ? { now: options.now } : {};
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const portal = await startPortalSandbox(now);
    started.push(portal);
    const wechat = await startWechatSandbox(now);
    started.push(wechat);
    const weibo = await startWeiboSandbox(now);
    started.push(weibo);
    const mastodon = await startMastodonSandbox(now);
    started.push(mastodon);
    const appfeed = await startAppfeedSandbox({
      ...now,
      feedDir: join(options.dataDir, 'sandbox', 'appfeed'),
    });
    started.push(appfeed);
    return {
      channels: { portal, wechat, weibo, mastodon, appfeed },
      close: async () => {
        await Promise.all(started.map((s) => s.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }
}
