import { describe, expect, it } from 'vitest';
import { renderAll } from '../../../../../src/core/content/render/renderAll.ts';
import { mastodonLength } from '../../../../../src/core/content/render/mastodonLength.ts';
import { weiboLength } from '../../../../../src/core/content/render/weiboLength.ts';
import { imageUrl, sampleRelease } from './sampleRelease.ts';

const portalUrl = 'https://www.tongzhou.gov.cn/art/2017/3/1/art_1.html';

describe('renderAll', () => {
  it("gives each channel its own cover and tags when the editor chose them, else the draft's", () => {
    const appCover = 'e'.repeat(64);
    const meta = structuredClone(sampleRelease.meta);
    meta.channels.appfeed.cover = appCover;
    meta.channels.appfeed.tags = ['客户端'];
    meta.channels.mastodon.tags = ['通州'];
    const options = {
      portal: { imageUrl },
      wechat: { imageUrl },
      weibo: { portalUrl },
      mastodon: { portalUrl, hashtags: true },
      feed: { itemId: 'x1', imageUrl, datePublished: new Date('2017-03-01T02:00:00Z') },
    };
    const own = renderAll({ ...sampleRelease, meta }, options);
    expect(own.feed.item.image).toBe(imageUrl(appCover));
    expect(own.feed.item.tags).toEqual(['客户端']);
    expect(own.mastodon.text.endsWith('#通州')).toBe(true);
    const derived = renderAll(sampleRelease, options);
    expect(derived.feed.item.image).toBe(imageUrl(sampleRelease.meta.coverImage ?? ''));
    expect(derived.feed.item.tags).toEqual(['政务公开', '年度报告']);
  });

  it('returns the five outputs with the measures each channel limits', () => {
    const out = renderAll(sampleRelease, {
      portal: { imageUrl },
      wechat: { imageUrl: (h) => `http://mmbiz.qpic.cn/${h.slice(0, 6)}` },
      weibo: { portalUrl },
      mastodon: { portalUrl, hashtags: true },
      feed: {
        itemId: 'x1',
        url: portalUrl,
        imageUrl,
        datePublished: new Date('2017-03-01T02:00:00Z'),
      },
    });
    expect(out.portal.utf8Bytes).toBe(Buffer.byteLength(out.portal.html));
    expect(out.wechat).toMatchObject({
      characters: out.wechat.html.length,
      utf8Bytes: Buffer.byteLength(out.wechat.html),
      fits: true,
    });
    expect(out.wechat.html).toContain('http://mmbiz.qpic.cn/aaaaaa');
    expect(out.portal.html).not.toContain('mmbiz');
    expect(out.weibo).toMatchObject({
      length: weiboLength(out.weibo.text),
      fits: true,
      hasPortalLink: true,
    });
    expect(out.weibo.length).toBeLessThanOrEqual(140);
    expect(out.mastodon).toMatchObject({ length: mastodonLength(out.mastodon.text), fits: true });
    expect(out.mastodon.text.endsWith('#政务公开 #年度报告')).toBe(true);
    expect(out.feed.item.content_html).toBe(out.portal.html);
  });
});
