import type { JsonFeedItem } from '../../shared/content/jsonFeedItemSchema.ts';
import type { ImageUrlOf } from '../content/render/release.ts';

/** A library image as an adapter uploads it. */
export interface MediaFile {
  /** SHA-256 of the bytes: the cache key for uploads (WeChat uploadimg, WordPress media). */
  hash: string;
  fileName: string;
  mimeType: string;
  byteLength: number;
  /** Alt text / description (Mastodon description, WordPress alt_text). */
  alt: string;
  read(): Promise<Buffer>;
}

interface PostBase {
  /**
   * The publication's stable key (lowercase letters, digits and '-', at most 64): the same on
   * every attempt of one publication and different for any other. Adapters derive from it
   * what makes a repeat recognisable: Mastodon's Idempotency-Key, the WordPress slug, the
   * webhook-id.
   */
  key: string;
  /** The draft the release comes from (the feed item id, the WordPress meta). */
  releaseId: string;
}

/**
 * What one channel receives of a release, built by core from the pinned revision (with the
 * editor's per-channel variants applied). HTML comes as a function of the image URLs because
 * each channel has its own upload: the adapter uploads first, then renders with what the
 * channel gave back.
 */
export type ChannelPost =
  | (PostBase & {
      channel: 'portal';
      title: string;
      excerpt: string;
      html: (imageUrl: ImageUrlOf) => string;
      images: MediaFile[];
      cover: MediaFile | null;
      tags: string[];
      /** null: publish now; a future moment: WordPress publishes it itself then. */
      publishAt: Date | null;
    })
  | (PostBase & {
      channel: 'wechat';
      title: string;
      author: string;
      digest: string;
      html: (imageUrl: ImageUrlOf) => string;
      images: MediaFile[];
      /** Required by WeChat (thumb_media_id); the adapter fails clearly without one. */
      cover: MediaFile | null;
      /** 阅读原文: the release's page on the portal. */
      sourceUrl: string | null;
    })
  | (PostBase & {
      channel: 'weibo';
      /** The final text, the portal link included (Weibo's safe-domain rule). */
      text: string;
      image: MediaFile | null;
    })
  | (PostBase & {
      channel: 'mastodon';
      text: string;
      /** At most 4, each with its description. */
      media: MediaFile[];
      language: string;
    })
  | (PostBase & {
      channel: 'appfeed';
      /** The feed item, given the URLs where the adapter put the images. */
      item: (imageUrl: ImageUrlOf) => JsonFeedItem;
      images: MediaFile[];
    });

export type PostOf<C extends ChannelPost['channel']> = Extract<ChannelPost, { channel: C }>;
