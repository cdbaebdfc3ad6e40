import { createHash } from 'node:crypto';
import type { MediaFile, PostOf } from '../../../../src/core/channels/channelPost.ts';
import { solidPng } from '../../../fixtures/images.ts';

/** A library image as the adapter receives it. */
export function mediaFile(
  bytes: Buffer,
  fileName = 'photo.png',
  mimeType = 'image/png',
): MediaFile {
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    fileName,
    mimeType,
    byteLength: bytes.length,
    alt: '发布会现场',
    read: async () => bytes,
  };
}

export const PHOTO = solidPng(3, 2, [10, 120, 200]);

/** An app feed post: one image, in the body and as the cover. */
export function appfeedPost(
  options: { key?: string; releaseId?: string; title?: string; images?: MediaFile[] } = {},
): PostOf<'appfeed'> {
  const images = options.images ?? [mediaFile(PHOTO)];
  const releaseId = options.releaseId ?? 'draft-7f3a';
  const title = options.title ?? '关于2025年春节假期安排的通知';
  return {
    channel: 'appfeed',
    key: options.key ?? 'pub-7f3a-appfeed',
    releaseId,
    images,
    item: (imageUrl) => ({
      id: releaseId,
      url: `https://www.example.gov.cn/art/${releaseId}.html`,
      title,
      content_html: `<p>${title}</p>${images.map((i) => `<img src="${imageUrl(i.hash)}" alt="${i.alt}">`).join('')}`,
      summary: '春节放假七天。',
      ...(images[0] ? { image: imageUrl(images[0].hash) } : {}),
      date_published: '2025-01-20T01:00:00.000Z',
      date_modified: '2025-01-20T01:00:00.000Z',
      language: 'zh-CN',
    }),
  };
}
