import { assertNever } from '../../../shared/assertNever.ts';
import {
  channelCover,
  type CoverChannel,
  type DocumentMeta,
} from '../../../shared/domain/documentMeta.ts';
import type { CheckedField } from '../../../shared/content/checkedField.ts';
import type { MediaItem } from '../../../shared/domain/media.ts';
import { CHANNEL_NAMES, type ChannelId } from '../../../shared/content/channelId.ts';
import { formatBytes, TYPE_NAMES, WECHAT, WEIBO } from './channelRules.ts';
import type { DocumentSpans } from './documentSpans.ts';
import type { Finding, Location } from '../../../shared/content/finding.ts';

export interface ImageCheckInput {
  spans: Pick<DocumentSpans, 'images'>;
  meta: Pick<DocumentMeta, 'coverImage' | 'channels'>;
  /** The media library entries, by hash. */
  media: ReadonlyMap<string, MediaItem>;
  /** The channels the release is going to. */
  channels: readonly ChannelId[];
}

/** Alt text that is a file name or a camera's numbering says nothing to a screen-reader user. */
const FILE_NAME =
  /\.(?:jpe?g|png|gif|webp|bmp|tiff?)$|^(?:img|dsc|image|photo|微信图片)[_\-\s]?\d+/i;

/**
 * Image checks.
 *
 * Missing alt text is `block`: a text alternative for every content image is WCAG 2.x
 * success criterion 1.1.1 (level A), which GB/T 37668-2019 adopts for Chinese web content and
 * which government websites must meet; press-release images carry content (who, where, what),
 * and writing one sentence costs less than a reader left out. Alt text that is a file name
 * is `warn`.
 *
 * Per channel, given the library's type and size of each image (assuming the adapters upload
 * the library bytes as they are, without converting):
 * - WeChat: every body image jpg/png under 1 MB; the cover JPG/PNG/GIF of at most 10 MB (image material).
 * - Weibo: a post carries one picture, the cover or else the first body image: JPEG/GIF/PNG
 *   under 5 MB.
 * - Mastodon, portal, app feed: no per-image rule here (the number of Mastodon attachments is a
 *   channel-limits measure).
 * An image whose media is missing from the library is `block` (nothing can be uploaded).
 */
export function checkImages(input: ImageCheckInput): Finding[] {
  const findings: Finding[] = [];
  const bodyItems: { item: MediaItem; label: Label }[] = [];
  input.spans.images.forEach((span, n) => {
    const location: Location = {
      kind: 'body',
      blockIndex: span.blockIndex,
      start: span.start,
      end: span.end,
    };
    const alt = span.node.altText.trim();
    const ordinal = n + 1;
    if (alt === '')
      findings.push({
        checkId: 'image.alt-missing',
        severity: 'block',
        location,
        message: {
          zh: `正文第${ordinal}张图片没有替代文字。请用一句话说明图片内容（如“区政府召开新闻发布会现场”），供视障读者使用。`,
          en: `Image ${ordinal} in the body has no alternative text. Describe what it shows in one sentence, for readers who cannot see it.`,
        },
      });
    else if (FILE_NAME.test(alt))
      findings.push({
        checkId: 'image.alt-filename',
        severity: 'warn',
        location,
        message: {
          zh: `正文第${ordinal}张图片的替代文字“${alt}”像是文件名。请改为说明图片内容的文字。`,
          en: `The alternative text of image ${ordinal} ("${alt}") looks like a file name. Describe what the image shows instead.`,
        },
      });
    const item = input.media.get(span.node.mediaHash);
    if (!item)
      findings.push({
        checkId: 'image.missing-media',
        severity: 'block',
        location,
        message: {
          zh: `正文第${ordinal}张图片在素材库中找不到。请重新插入该图片。`,
          en: `Image ${ordinal} in the body is not in the media library. Insert the image again.`,
        },
      });
    else
      bodyItems.push({
        item,
        label: {
          zh: `正文第${ordinal}张图片（${item.originalName}）`,
          en: `image ${ordinal} of the body (${item.originalName})`,
        },
      });
  });

  // The draft's cover, then each channel's own: each one missing from the library is named once.
  const coverFields: ReadonlyArray<readonly [CheckedField, string | null]> = [
    ['coverImage', input.meta.coverImage],
    ['channels.portal.cover', input.meta.channels.portal.cover],
    ['channels.wechat.cover', input.meta.channels.wechat.cover],
    ['channels.weibo.cover', input.meta.channels.weibo.cover],
    ['channels.appfeed.cover', input.meta.channels.appfeed.cover],
  ];
  for (const [field, hash] of coverFields) {
    if (hash && !input.media.get(hash))
      findings.push({
        checkId: 'image.missing-media',
        severity: 'block',
        location: { kind: 'field', field },
        message: {
          zh: '封面图在素材库中找不到。请重新选择封面图。',
          en: 'The cover image is not in the media library. Choose the cover again.',
        },
      });
  }
  const coverOf = (channel: CoverChannel) => {
    const hash = channelCover(input.meta, channel);
    return hash ? input.media.get(hash) : undefined;
  };

  for (const channel of input.channels) {
    const at: Location = { kind: 'channel', channel };
    switch (channel) {
      case 'wechat': {
        for (const { item, label } of bodyItems)
          findings.push(
            ...imageRule(item, label, channel, at, WECHAT.inlineTypes, {
              bytes: WECHAT.inlineBytesBelow,
              inclusive: false,
            }),
          );
        const cover = coverOf('wechat');
        if (cover)
          findings.push(
            ...imageRule(cover, coverLabel(cover), channel, at, WECHAT.coverTypes, {
              bytes: WECHAT.coverBytesMax,
              inclusive: true,
            }),
          );
        break;
      }
      case 'weibo': {
        const cover = coverOf('weibo');
        const pic = cover ? { item: cover, label: coverLabel(cover) } : bodyItems[0];
        if (pic)
          findings.push(
            ...imageRule(pic.item, pic.label, channel, at, WEIBO.picTypes, {
              bytes: WEIBO.picBytesBelow,
              inclusive: false,
            }),
          );
        break;
      }
      case 'mastodon':
      case 'portal':
      case 'appfeed':
        break;
      default:
        assertNever(channel, 'channel');
    }
  }
  return findings;
}

interface Label {
  zh: string;
  en: string;
}

const coverLabel = (cover: MediaItem): Label => ({
  zh: `封面图（${cover.originalName}）`,
  en: `the cover (${cover.originalName})`,
});

/** Type and size findings for one image on one channel. */
function imageRule(
  item: MediaItem,
  { zh, en }: Label,
  channel: ChannelId,
  location: Location,
  types: readonly string[],
  limit: { bytes: number; inclusive: boolean },
): Finding[] {
  const name = CHANNEL_NAMES[channel];
  const allowed = types.map((t) => TYPE_NAMES[t] ?? t).join('/');
  const out: Finding[] = [];
  if (!types.includes(item.mimeType))
    out.push({
      checkId: 'image.format',
      severity: 'block',
      location,
      message: {
        zh: `${name.zh}只接受 ${allowed} 格式的图片，${zh}是 ${TYPE_NAMES[item.mimeType] ?? item.mimeType}。请转换格式后重新上传。`,
        en: `${name.en} accepts only ${allowed} images; ${en} is ${TYPE_NAMES[item.mimeType] ?? item.mimeType}. Convert it and upload it again.`,
      },
    });
  const over = limit.inclusive ? item.byteLength > limit.bytes : item.byteLength >= limit.bytes;
  const bound = {
    zh: `${limit.inclusive ? '不超过' : '小于'} ${formatBytes(limit.bytes)}`,
    en: `${limit.inclusive ? 'at most' : 'under'} ${formatBytes(limit.bytes)}`,
  };
  if (over)
    out.push({
      checkId: 'image.too-large',
      severity: 'block',
      location,
      message: {
        zh: `${zh}有 ${formatBytes(item.byteLength)}，超出${name.zh}的限制（${bound.zh}）。请压缩后重新上传。`,
        en: `${en} is ${formatBytes(item.byteLength)}, but ${name.en} takes images ${bound.en}. Compress it and upload it again.`,
      },
    });
  return out;
}
