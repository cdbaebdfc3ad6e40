import { describe, expect, it } from 'vitest';
import {
  articlePage,
  cleanArticleContent,
  leadingText,
} from '../../../../../src/core/channels/wechat/sandbox/wechatSimContent.ts';

describe('cleanArticleContent (the sandbox’s draft/add)', () => {
  const own = 'http://mmbiz.qpic.cn/sandbox/abc/0?wx_fmt=png';
  const isOwn = (src: string) => src === own;

  it('keeps images WeChat hosts and removes others, counting them', () => {
    const html = `<p>a</p><img src="${own}" alt="x"><img src='https://example.com/b.png'><img src=http://x/c.png><img alt="no src">`;
    const cleaned = cleanArticleContent(html, isOwn);
    expect(cleaned.strippedImages).toBe(3);
    expect(cleaned.html).toBe(`<p>a</p><img src="${own}" alt="x">`);
  });

  it('reads entity-escaped sources and removes scripts and styles', () => {
    const cleaned = cleanArticleContent(
      '<img src="http://x/a?b=1&amp;c=2"><script type="x">a()</script><style>p{}</style><p>b</p>',
      (src) => src === 'http://x/a?b=1&c=2',
    );
    expect(cleaned.strippedImages).toBe(0);
    expect(cleaned.html).not.toMatch(/script|style/);
    expect(cleaned.html).toContain('<p>b</p>');
  });
});

describe('leadingText and articlePage', () => {
  it('takes the first characters of the text, tags and spaces folded', () => {
    expect(leadingText('<p>第一段</p>\n<p>第二&amp;段</p>', 6)).toBe('第一段 第二');
  });

  it('escapes the title on the article page and shows a deleted article as deleted', () => {
    const page = articlePage({ title: '<b>标题</b>', author: '作者', content: '<p>正文</p>' });
    expect(page).toContain('&lt;b&gt;标题&lt;/b&gt;');
    expect(page).toContain('<p>正文</p>');
    expect(articlePage(null)).toContain('该内容已被发布者删除');
  });
});
