import { z } from 'zod';

/**
 * The channels a release goes to, in the order findings about them are listed.
 * portal = government portal (WordPress), appfeed = the district app (JSON Feed + webhook).
 */
export const CHANNEL_IDS = ['portal', 'wechat', 'weibo', 'mastodon', 'appfeed'] as const;
export const ChannelIdSchema = z.enum(CHANNEL_IDS);
export type ChannelId = z.infer<typeof ChannelIdSchema>;

/** Channel names as a press officer knows them, for messages. */
export const CHANNEL_NAMES: Record<ChannelId, { zh: string; en: string }> = {
  portal: { zh: '政府门户网站', en: 'the government portal' },
  wechat: { zh: '微信公众号', en: 'the WeChat Official Account' },
  weibo: { zh: '微博', en: 'Weibo' },
  mastodon: { zh: 'Mastodon', en: 'Mastodon' },
  appfeed: { zh: '区客户端', en: 'the district app' },
};
