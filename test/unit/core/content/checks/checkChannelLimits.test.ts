import { describe, expect, it } from 'vitest';
import { checkChannelLimits } from '../../../../../src/core/content/checks/checkChannelLimits.ts';
import { FindingSchema } from '../../../../../src/shared/content/finding.ts';

const wechatOk = {
  channel: 'wechat' as const,
  title: 32,
  author: 16,
  digest: 128,
  contentChars: 19_999,
  contentBytes: 999_999,
  hasCover: true,
};

describe('channel limits from measured outputs', () => {
  it('accepts WeChat output exactly at its limits', () => {
    expect(checkChannelLimits(wechatOk)).toEqual([]);
  });

  it('blocks every WeChat limit exceeded, and a missing cover', () => {
    const findings = checkChannelLimits({
      channel: 'wechat',
      title: 33,
      author: 17,
      digest: 129,
      contentChars: 20_000,
      contentBytes: 1_000_000,
      hasCover: false,
    });
    expect(findings.map((f) => f.checkId)).toEqual([
      'channel.title-too-long',
      'channel.author-too-long',
      'channel.digest-too-long',
      'channel.content-too-long',
      'channel.content-too-large',
      'channel.cover-missing',
    ]);
    for (const f of findings) {
      expect(FindingSchema.parse(f)).toEqual(f);
      expect(f).toMatchObject({
        severity: 'block',
        location: { kind: 'channel', channel: 'wechat' },
      });
    }
    expect(findings[0]?.message.zh).toBe(
      '微信公众号的标题有 33 字，超过上限 32 字。请为微信另拟较短的标题。',
    );
  });

  it('applies the Weibo 140 rule to the measured length', () => {
    expect(checkChannelLimits({ channel: 'weibo', textLength: 140 })).toEqual([]);
    expect(checkChannelLimits({ channel: 'weibo', textLength: 141 }).map((f) => f.checkId)).toEqual(
      ['channel.text-too-long'],
    );
  });

  it('applies Mastodon 500 (or the instance limit) and at most 4 images', () => {
    expect(checkChannelLimits({ channel: 'mastodon', textLength: 500, attachments: 4 })).toEqual(
      [],
    );
    expect(
      checkChannelLimits({ channel: 'mastodon', textLength: 501, attachments: 5 }).map(
        (f) => f.checkId,
      ),
    ).toEqual(['channel.text-too-long', 'channel.too-many-images']);
    expect(
      checkChannelLimits({
        channel: 'mastodon',
        textLength: 900,
        maxCharacters: 1000,
        attachments: 1,
      }),
    ).toEqual([]);
  });

  it('has no limits of its own for the portal and the app feed', () => {
    expect(checkChannelLimits({ channel: 'portal' })).toEqual([]);
    expect(checkChannelLimits({ channel: 'appfeed' })).toEqual([]);
  });
});
