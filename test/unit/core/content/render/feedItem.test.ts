import { describe, expect, it } from 'vitest';
import { renderFeedItem } from '../../../../../src/core/content/render/feedItem.ts';
import { JsonFeedItemSchema } from '../../../../../src/shared/content/jsonFeedItemSchema.ts';
import { renderPortalHtml } from '../../../../../src/core/content/render/portalHtml.ts';
import { imageUrl, sampleRelease } from './sampleRelease.ts';

const url = 'https://www.tongzhou.gov.cn/art/2017/3/1/art_1.html';

describe('renderFeedItem', () => {
  it('is a valid JSON Feed 1.1 item with the portal HTML, cover, RFC 3339 dates, tags and author', () => {
    const item = renderFeedItem(sampleRelease, {
      itemId: 'draft-1f0e',
      url,
      imageUrl,
      datePublished: new Date('2017-03-01T02:00:00Z'),
      dateModified: new Date('2017-03-02T08:30:00Z'),
    });
    expect(JsonFeedItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      id: 'draft-1f0e',
      url,
      title: '通州区2016年政府信息公开工作年度报告',
      content_html: renderPortalHtml(sampleRelease, { imageUrl }),
      image: 'https://img.example.gov.cn/media/cccccccc.jpg',
      date_published: '2017-03-01T02:00:00.000Z',
      date_modified: '2017-03-02T08:30:00.000Z',
      tags: ['政务公开', '年度报告'],
      authors: [{ name: '区政府办公室' }],
      language: 'zh-CN',
    });
    expect(item.summary).toMatch(/^为推进政务公开，区政府发布年度报告。 .*…$/);
    expect([...new Intl.Segmenter().segment(item.summary ?? '')]).toHaveLength(120);
  });

  it('uses meta.summary as it is, falls back to the issuing unit, omits what is empty', () => {
    const item = renderFeedItem(
      {
        ...sampleRelease,
        meta: {
          ...sampleRelease.meta,
          summary: '摘要',
          author: '',
          issuingUnit: '区政务服务局',
          keywords: [],
          coverImage: null,
        },
      },
      { itemId: 'x', imageUrl, datePublished: new Date('2017-03-01T02:00:00Z') },
    );
    expect(JsonFeedItemSchema.parse(item)).toEqual(item);
    expect(item.summary).toBe('摘要');
    expect(item.authors).toEqual([{ name: '区政务服务局' }]);
    expect(item).not.toHaveProperty('tags');
    expect(item).not.toHaveProperty('image');
    expect(item).not.toHaveProperty('url');
  });

  it('the schema rejects what JSON Feed forbids', () => {
    const ok = { id: 'a', content_html: '<p>x</p>' };
    expect(JsonFeedItemSchema.safeParse(ok).success).toBe(true);
    expect(JsonFeedItemSchema.safeParse({ ...ok, _retracted: true }).success).toBe(true);
    expect(JsonFeedItemSchema.safeParse({ id: 'a' }).success).toBe(false);
    expect(JsonFeedItemSchema.safeParse({ ...ok, image: 'javascript:alert(1)' }).success).toBe(
      false,
    );
    expect(
      JsonFeedItemSchema.safeParse({ ...ok, date_published: '2017-03-01 02:00' }).success,
    ).toBe(false);
    expect(JsonFeedItemSchema.safeParse({ ...ok, banner: 'x' }).success).toBe(false);
  });
});
