import { describe, expect, it } from 'vitest';
import {
  mastodonComparableText,
  statusHtmlToText,
} from '../../../../../src/core/channels/mastodon/mastodonStatusText.ts';
import { statusHtml } from '../../../../../src/core/channels/mastodon/sandbox/statusHtml.ts';

describe('statusHtmlToText', () => {
  it('reads a status as Mastodon renders it: paragraphs, line breaks, hidden link parts, entities', () => {
    const html =
      '<p>【通知】区政府召开会议 &amp; 部署工作</p><p>详见 <a href="https://www.tongzhou.gov.cn/art/2025/3/1/art_1.html" rel="nofollow noopener" target="_blank">' +
      '<span class="invisible">https://www.</span><span class="ellipsis">tongzhou.gov.cn/art/2025/3/1/a</span><span class="invisible">rt_1.html</span></a><br />' +
      '<a href="https://m.example/tags/政务" class="mention hashtag" rel="tag">#<span>政务</span></a> &lt;b&gt; &#39;引号&#x27; &#128512;</p>';
    expect(statusHtmlToText(html)).toBe(
      "【通知】区政府召开会议 & 部署工作\n\n详见 https://www.tongzhou.gov.cn/art/2025/3/1/art_1.html\n#政务 <b> '引号' 😀",
    );
  });

  it('gives back the source text of what the sandbox renders', () => {
    const text =
      '【关于开展政务公开工作的通知】\n\n区政府部署年度工作 <重要> & "及时"。\n第二行\n\nhttps://www.tongzhou.gov.cn/art/2025/3/1/art_1.html\n\n#政务公开 #通州';
    expect(statusHtmlToText(statusHtml(text, 'http://127.0.0.1:1'))).toBe(text);
  });
});

describe('mastodonComparableText', () => {
  it('ignores links and white space, not words', () => {
    expect(mastodonComparableText('标题\n\n正文 https://a.gov.cn/x\n\n#政务')).toBe(
      '标题 正文 #政务',
    );
    expect(mastodonComparableText('标题 https://a.gov.cn/x')).toBe(
      mastodonComparableText('标题\nhttps://b.gov.cn/y'),
    );
    expect(mastodonComparableText('标题一')).not.toBe(mastodonComparableText('标题二'));
  });
});
