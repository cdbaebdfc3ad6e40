import { readFile } from 'node:fs/promises';
import type { ChannelId } from '../../shared/content/channelId.ts';
import { metaForChannel } from '../../shared/domain/documentMeta.ts';
import { walk } from '../../shared/document/walk.ts';
import type { ChannelPost, MediaFile } from '../channels/channelPost.ts';
import { renderFeedItem } from '../content/render/feedItem.ts';
import { collapse, leadText } from '../content/render/leadText.ts';
import { fitCap, fitText } from '../content/render/fitText.ts';
import { graphemeCount } from '../content/render/graphemes.ts';
import { renderMastodonText } from '../content/render/mastodonText.ts';
import { renderPortalHtml } from '../content/render/portalHtml.ts';
import type { Release } from '../content/render/release.ts';
import { renderWechatHtml } from '../content/render/wechatHtml.ts';
import { renderWeiboText } from '../content/render/weiboText.ts';
import { wechatFields } from '../content/wechatFields.ts';
import type { MediaLibrary } from '../media/mediaLibrary.ts';

/** Mastodon takes at most four attachments per status. */
const MASTODON_MAX_MEDIA = 4;
/** The portal's excerpt, in grapheme clusters. */
const EXCERPT_MAX = 200;

export interface ChannelPostContext {
  /** The publication's stable key (see ChannelPost.key). */
  key: string;
  /** The draft the release comes from. */
  releaseId: string;
  media: Pick<MediaLibrary, 'get' | 'fileOf'>;
  /**
   * The release's page on the portal, once the portal has published it: the microblogs link to
   * it (Weibo requires a link under the app's safe domain), WeChat uses it as 阅读原文, the feed
   * item as its url. Null before (or without) a portal publication.
   */
  portalUrl: string | null;
  /** When the release is published (the feed item's date). */
  now: Date;
  /** Portal only: a future moment makes WordPress publish it itself then. */
  publishAt?: Date | null | undefined;
}

/**
 * What one channel receives of a release (the pinned revision with the editor's per-channel
 * texts applied), for its adapter. Images are read lazily from the media library; HTML is a
 * function of the image URLs the adapter gets from its own upload.
 */
export function channelPostOf(
  draftRelease: Release,
  channel: ChannelId,
  context: ChannelPostContext,
): ChannelPost {
  // The channel's own cover and tags in place of the draft's (metaForChannel).
  const release: Release = { ...draftRelease, meta: metaForChannel(draftRelease.meta, channel) };
  const base = { key: context.key, releaseId: context.releaseId };
  const variants = release.meta.channels;
  const bodyImages = imagesOf(release, context.media);
  const cover = release.meta.coverImage
    ? mediaFile(release.meta.coverImage, '', context.media)
    : null;
  switch (channel) {
    case 'portal':
      return {
        ...base,
        channel,
        title: collapse(release.title),
        excerpt:
          fitText(leadText(release, fitCap(EXCERPT_MAX)), (s) => s, graphemeCount, EXCERPT_MAX)
            ?.text ?? '',
        html: (imageUrl) => renderPortalHtml(release, { imageUrl }),
        images: bodyImages,
        cover,
        tags: release.meta.keywords.map(collapse).filter((k) => k !== ''),
        publishAt: context.publishAt ?? null,
      };
    case 'wechat': {
      const fields = wechatFields(release);
      return {
        ...base,
        channel,
        ...fields,
        html: (imageUrl) => renderWechatHtml(release, { imageUrl }),
        images: bodyImages,
        cover,
        sourceUrl: context.portalUrl,
      };
    }
    case 'weibo':
      return {
        ...base,
        channel,
        text: renderWeiboText(release, {
          // Without a portal page the post links nowhere; the adapter refuses it (10017).
          portalUrl: context.portalUrl ?? '',
          ...(variants.weibo.text ? { text: variants.weibo.text } : {}),
        }).text,
        image: cover ?? bodyImages[0] ?? null,
      };
    case 'mastodon':
      return {
        ...base,
        channel,
        text: renderMastodonText(release, {
          ...(context.portalUrl ? { portalUrl: context.portalUrl } : {}),
          hashtags: variants.mastodon.hashtags,
          ...(variants.mastodon.text ? { text: variants.mastodon.text } : {}),
        }).text,
        media: bodyImages.slice(0, MASTODON_MAX_MEDIA),
        language: 'zh',
      };
    case 'appfeed':
      return {
        ...base,
        channel,
        item: (imageUrl) => {
          const item = renderFeedItem(release, {
            itemId: context.releaseId,
            imageUrl,
            datePublished: context.now,
            ...(context.portalUrl ? { url: context.portalUrl } : {}),
          });
          if (variants.appfeed.title) item.title = variants.appfeed.title;
          if (variants.appfeed.summary) item.summary = variants.appfeed.summary;
          return item;
        },
        images:
          cover && !bodyImages.some((i) => i.hash === cover.hash)
            ? [...bodyImages, cover]
            : bodyImages,
      };
    default: {
      const never: never = channel;
      throw new Error(`unknown channel ${String(never)}`);
    }
  }
}

/** The body's images, once each, in order, with their alt text. */
function imagesOf(release: Release, media: ChannelPostContext['media']): MediaFile[] {
  const seen = new Map<string, MediaFile>();
  walk(release.body, (node) => {
    if (node.type === 'image' && !seen.has(node.mediaHash)) {
      const file = mediaFile(node.mediaHash, node.altText, media);
      if (file) seen.set(node.mediaHash, file);
    }
  });
  return [...seen.values()];
}

function mediaFile(
  hash: string,
  alt: string,
  media: ChannelPostContext['media'],
): MediaFile | null {
  const item = media.get(hash);
  const file = media.fileOf(hash);
  if (!item || !file) return null;
  return {
    hash,
    fileName: item.originalName || `${hash.slice(0, 12)}`,
    mimeType: item.mimeType,
    byteLength: item.byteLength,
    alt,
    read: () => readFile(file.path),
  };
}
