import { describe, expect, it } from 'vitest';
import { renderPortalHtml } from '../../../../../src/core/content/render/portalHtml.ts';
import { RenderError } from '../../../../../src/core/content/render/renderError.ts';
import { DocumentSchema } from '../../../../../src/shared/document/nodes.ts';
import { emptyMeta } from '../../../../../src/shared/domain/documentMeta.ts';
import { imageUrl, PHOTO, sampleRelease } from './sampleRelease.ts';

const release = (root: unknown, title = '标题') => ({
  title,
  meta: emptyMeta('press_release'),
  body: DocumentSchema.parse({ root: { type: 'root', children: root } }),
});

describe('renderPortalHtml', () => {
  it('renders the representative release exactly: numbered h2–h5, nested list, table head, figure, link, formats', () => {
    expect(renderPortalHtml(sampleRelease, { imageUrl })).toBe(
      '<p>为推进政务公开，<strong>区政府</strong>发布<em><u>年度报告</u></em>。</p>' +
        '<h2>一、总体情况</h2><h3>（一）主动公开</h3><h4>1.公开平台</h4><h5>（1）门户网站</h5><h4>2.依申请公开</h4><h2>二、工作要求</h2>' +
        '<p>详见<a href="https://www.tongzhou.gov.cn/zwgk/?a=1&amp;b=2" rel="noopener noreferrer">区政府网站</a>，H<sub>2</sub>O与m<sup>2</sup>；<s>旧规定</s>；代码<code>x&lt;y</code><br>第二行</p>' +
        '<ul><li>第一项<ol><li>子项一</li><li>子项二</li></ol></li><li>第二项</li></ul>' +
        '<table><thead><tr><th scope="col">类别</th><th scope="col">数量</th></tr></thead><tbody><tr><th scope="row">主动公开</th><td>1,234</td></tr></tbody></table>' +
        '<figure><img src="https://img.example.gov.cn/media/aaaaaaaa.jpg" alt="新闻发布会现场 &quot;照片&quot;" width="800" height="600"></figure>' +
        '<blockquote>公开为常态，不公开为例外。</blockquote><hr><p style="text-align:right">通州区人民政府办公室</p>',
    );
  });

  it('escapes < > & " \' in text, link titles, alt text and URLs', () => {
    const html = renderPortalHtml(
      release([
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: `<script>alert("x")</script> & 'q'` },
            {
              type: 'link',
              url: `https://example.org/?q="a'b"&x=<y>`,
              title: `"t"<>`,
              children: [{ type: 'text', text: '<b>' }],
            },
            { type: 'image', mediaHash: PHOTO, altText: `" onerror="alert(1)` },
          ],
        },
      ]),
      { imageUrl: () => `https://example.org/i.jpg?a=1&b="2"` },
    );
    expect(html).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;' +
        '<a href="https://example.org/?q=%22a%27b%22&amp;x=%3Cy%3E" rel="noopener noreferrer" title="&quot;t&quot;&lt;&gt;">&lt;b&gt;</a></p>' +
        '<figure><img src="https://example.org/i.jpg?a=1&amp;b=%222%22" alt="&quot; onerror=&quot;alert(1)"></figure>',
    );
  });

  it('writes alt="" for an image without alt text, and an image between text as a figure between paragraphs', () => {
    const html = renderPortalHtml(
      release([
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '前' },
            { type: 'image', mediaHash: PHOTO },
            { type: 'text', text: '后' },
          ],
        },
      ]),
      { imageUrl },
    );
    expect(html).toBe(
      '<p>前</p><figure><img src="https://img.example.gov.cn/media/aaaaaaaa.jpg" alt=""></figure><p>后</p>',
    );
  });

  it('refuses an image URL that is not http(s), with a code', () => {
    const doc = release([{ type: 'paragraph', children: [{ type: 'image', mediaHash: PHOTO }] }]);
    for (const bad of [
      'javascript:alert(1)',
      'data:image/png;base64,AA',
      '/media/x',
      'mailto:a@b.cn',
    ])
      expect(() => renderPortalHtml(doc, { imageUrl: () => bad })).toThrow(RenderError);
  });

  it('leaves out control characters and empty paragraphs; renders unlinked autolinks as text; spans and ol start', () => {
    const html = renderPortalHtml(
      release([
        { type: 'paragraph', children: [] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'a\u0000b\u0007c\u009f' },
            {
              type: 'autolink',
              url: 'https://x.cn/',
              isUnlinked: true,
              children: [{ type: 'text', text: 'https://x.cn/' }],
            },
          ],
        },
        {
          type: 'list',
          listType: 'number',
          tag: 'ol',
          start: 3,
          children: [{ type: 'listitem', children: [{ type: 'text', text: '三' }] }],
        },
        {
          type: 'table',
          children: [
            {
              type: 'tablerow',
              children: [{ type: 'tablecell', colSpan: 2, rowSpan: 3, children: [] }],
            },
          ],
        },
      ]),
      { imageUrl },
    );
    expect(html).toBe(
      '<p>abchttps://x.cn/</p><ol start="3"><li>三</li></ol><table><tbody><tr><td colspan="2" rowspan="3"></td></tr></tbody></table>',
    );
  });
});
