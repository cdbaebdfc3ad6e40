import { assertNever } from '../../../shared/assertNever.ts';
import { CHANNEL_NAMES } from '../../../shared/content/channelId.ts';
import { MASTODON, WECHAT, WEIBO } from './channelRules.ts';
import type { CheckId, Finding } from '../../../shared/content/finding.ts';

/**
 * What the channel renderers measured on their output (src/core/content/render/: the
 * counting rules live there, e.g. weiboLength and mastodonLength; they are not repeated here).
 */
export type ChannelMeasures =
  | {
      channel: 'wechat';
      /** Characters, as WeChat counts them. */
      title: number;
      author: number;
      digest: number;
      contentChars: number;
      /** UTF-8 bytes of the content HTML. */
      contentBytes: number;
      hasCover: boolean;
    }
  | { channel: 'weibo'; /** weiboLength of the status text. */ textLength: number }
  | {
      channel: 'mastodon';
      /** mastodonLength of the status text (graphemes, each URL 23). */
      textLength: number;
      /** The instance's limit when known (GET /api/v2/instance), else the default 500. */
      maxCharacters?: number;
      attachments: number;
    }
  | { channel: 'portal' }
  | { channel: 'appfeed' };

type Limit = { zh: string; en: string };

/** Every hard limit exceeded is `block`: the channel would refuse the post. */
export function checkChannelLimits(measures: ChannelMeasures): Finding[] {
  const { channel } = measures;
  const name = CHANNEL_NAMES[channel];
  const findings: Finding[] = [];
  const over = (
    checkId: CheckId,
    what: Limit,
    value: number,
    max: number,
    unit: Limit,
    fix: Limit,
  ) =>
    findings.push({
      checkId,
      severity: 'block',
      location: { kind: 'channel', channel },
      message: {
        zh: `${name.zh}的${what.zh}有 ${value.toLocaleString('en-US')} ${unit.zh}，超过上限 ${max.toLocaleString('en-US')} ${unit.zh}。${fix.zh}`,
        en: `The ${what.en} for ${name.en} is ${value.toLocaleString('en-US')} ${unit.en}, over the limit of ${max.toLocaleString('en-US')}. ${fix.en}`,
      },
    });
  const chars = { zh: '字', en: 'characters' };
  switch (measures.channel) {
    case 'wechat':
      if (measures.title > WECHAT.titleMax)
        over(
          'channel.title-too-long',
          { zh: '标题', en: 'title' },
          measures.title,
          WECHAT.titleMax,
          chars,
          {
            zh: '请为微信另拟较短的标题。',
            en: 'Give WeChat a shorter title.',
          },
        );
      if (measures.author > WECHAT.authorMax)
        over(
          'channel.author-too-long',
          { zh: '作者', en: 'author' },
          measures.author,
          WECHAT.authorMax,
          chars,
          {
            zh: '请缩短作者署名。',
            en: 'Shorten the author line.',
          },
        );
      if (measures.digest > WECHAT.digestMax)
        over(
          'channel.digest-too-long',
          { zh: '摘要', en: 'digest' },
          measures.digest,
          WECHAT.digestMax,
          chars,
          {
            zh: '请缩短摘要。',
            en: 'Shorten the summary.',
          },
        );
      if (measures.contentChars >= WECHAT.contentCharsBelow)
        over(
          'channel.content-too-long',
          { zh: '正文', en: 'content' },
          measures.contentChars,
          WECHAT.contentCharsBelow - 1,
          chars,
          {
            zh: '请删减正文，或拆分为多篇推送。',
            en: 'Cut the text, or split it into several articles.',
          },
        );
      if (measures.contentBytes >= WECHAT.contentBytesBelow)
        over(
          'channel.content-too-large',
          { zh: '正文', en: 'content' },
          measures.contentBytes,
          WECHAT.contentBytesBelow - 1,
          { zh: '字节', en: 'bytes' },
          {
            zh: '请删减正文或表格，或拆分为多篇推送。',
            en: 'Cut the text or tables, or split it into several articles.',
          },
        );
      if (!measures.hasCover)
        findings.push({
          checkId: 'channel.cover-missing',
          severity: 'block',
          location: { kind: 'channel', channel },
          message: {
            zh: '微信公众号文章必须有封面图。请在“封面图”中选择一张图片。',
            en: 'A WeChat article must have a cover image. Choose one in the cover image field.',
          },
        });
      return findings;
    case 'weibo':
      if (measures.textLength > WEIBO.textMax)
        over(
          'channel.text-too-long',
          { zh: '博文', en: 'post' },
          measures.textLength,
          WEIBO.textMax,
          chars,
          {
            zh: '请为微博另写较短的文字（链接会自动附上）。',
            en: 'Write a shorter text for Weibo (the link is added automatically).',
          },
        );
      return findings;
    case 'mastodon': {
      const max = measures.maxCharacters ?? MASTODON.textMax;
      if (measures.textLength > max)
        over('channel.text-too-long', { zh: '嘟文', en: 'post' }, measures.textLength, max, chars, {
          zh: '请为 Mastodon 另写较短的文字。',
          en: 'Write a shorter text for Mastodon.',
        });
      if (measures.attachments > MASTODON.attachmentsMax)
        over(
          'channel.too-many-images',
          { zh: '配图', en: 'attached images' },
          measures.attachments,
          MASTODON.attachmentsMax,
          { zh: '张', en: 'images' },
          {
            zh: '请选择最多 4 张图片。',
            en: 'Choose at most 4 images.',
          },
        );
      return findings;
    }
    case 'portal':
    case 'appfeed':
      return findings;
    default:
      return assertNever(measures, 'channel measures');
  }
}
