import { renderFeedItem, type FeedItemOptions } from './feedItem.ts';
import type { JsonFeedItem } from '../../../shared/content/jsonFeedItemSchema.ts';
import { renderMastodonText, type MastodonOptions, type MastodonText } from './mastodonText.ts';
import { renderPortalHtml, type PortalOptions } from './portalHtml.ts';
import type { Release } from './release.ts';
import { metaForChannel } from '../../../shared/domain/documentMeta.ts';
import type { ChannelId } from '../../../shared/content/channelId.ts';
import { utf8ByteLength, wechatContentSize, type WechatContentSize } from './wechatContentSize.ts';
import { renderWechatHtml, type WechatOptions } from './wechatHtml.ts';
import { renderWeiboText, type WeiboOptions, type WeiboText } from './weiboText.ts';

/**
 * Each channel's options: image URLs differ per channel (each has its own upload). The feed's
 * content_html is the portal's HTML (the app shows what the portal shows, images included), so
 * the feed's imageUrl serves its cover only.
 */
export interface RenderAllOptions {
  portal: PortalOptions;
  wechat: WechatOptions;
  weibo: WeiboOptions;
  mastodon?: MastodonOptions | undefined;
  feed: Omit<FeedItemOptions, 'contentHtml'>;
}

export interface RenderedRelease {
  portal: { html: string; characters: number; utf8Bytes: number };
  wechat: { html: string } & WechatContentSize;
  weibo: WeiboText;
  mastodon: MastodonText;
  /** No measure: a feed item has no size limit (the app reads the whole feed). */
  feed: { item: JsonFeedItem };
}

/**
 * The five channel outputs of one release, each with the measures its channel limits. Each
 * channel is rendered with its own cover and tags (metaForChannel).
 */
export function renderAll(release: Release, options: RenderAllOptions): RenderedRelease {
  const forChannel = (channel: ChannelId): Release => ({
    ...release,
    meta: metaForChannel(release.meta, channel),
  });
  const portal = renderPortalHtml(forChannel('portal'), options.portal);
  const wechat = renderWechatHtml(forChannel('wechat'), options.wechat);
  const item = renderFeedItem(forChannel('appfeed'), { ...options.feed, contentHtml: portal });
  return {
    portal: { html: portal, characters: portal.length, utf8Bytes: utf8ByteLength(portal) },
    wechat: { html: wechat, ...wechatContentSize(wechat) },
    weibo: renderWeiboText(forChannel('weibo'), options.weibo),
    mastodon: renderMastodonText(forChannel('mastodon'), options.mastodon),
    feed: { item },
  };
}
