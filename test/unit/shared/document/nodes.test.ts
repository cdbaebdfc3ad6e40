import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../../../src/shared/document/nodes.ts';
import { safeLinkUrl } from '../../../../src/shared/document/safeUrl.ts';

const wrap = (children: unknown[]) => ({ root: { type: 'root', children } });
const para = (children: unknown[]) => ({ type: 'paragraph', children });
const link = (url: string) =>
  para([{ type: 'link', url, children: [{ type: 'text', text: 'x' }] }]);

describe('the document model', () => {
  it('accepts every node type the editor produces and fills in Lexical bookkeeping', () => {
    const parsed = DocumentSchema.parse(
      wrap([
        {
          type: 'heading',
          tag: 'h1',
          children: [{ type: 'text', text: '一、总体情况', format: 1 }],
        },
        para([
          { type: 'text', text: '详见' },
          {
            type: 'link',
            url: 'https://www.gov.cn/',
            children: [{ type: 'text', text: '中国政府网' }],
          },
          { type: 'linebreak' },
          { type: 'image', mediaHash: 'a'.repeat(64), altText: '发布会现场' },
        ]),
        { type: 'quote', children: [{ type: 'text', text: '引文' }] },
        {
          type: 'list',
          listType: 'number',
          tag: 'ol',
          start: 1,
          children: [
            {
              type: 'listitem',
              value: 1,
              children: [
                { type: 'text', text: '第一项' },
                { type: 'list', listType: 'bullet', tag: 'ul', children: [] },
              ],
            },
          ],
        },
        {
          type: 'table',
          children: [
            {
              type: 'tablerow',
              children: [
                {
                  type: 'tablecell',
                  headerState: 1,
                  children: [para([{ type: 'text', text: '渠道' }])],
                },
              ],
            },
          ],
        },
        { type: 'horizontalrule' },
      ]),
    );
    expect(parsed.root.children.map((c) => c.type)).toEqual([
      'heading',
      'paragraph',
      'quote',
      'list',
      'table',
      'horizontalrule',
    ]);
    expect(parsed.root.children[1]).toMatchObject({
      format: '',
      indent: 0,
      direction: null,
      textFormat: 0,
      textStyle: '',
    });
  });

  it('drops inline styles and unknown properties', () => {
    const parsed = DocumentSchema.parse(
      wrap([
        {
          type: 'paragraph',
          textStyle: 'color:red',
          onclick: 'x()',
          children: [
            { type: 'text', text: 'a', style: 'background:url(javascript:alert(1))', class: 'x' },
          ],
        },
      ]),
    );
    expect(JSON.stringify(parsed)).not.toMatch(/javascript|onclick|color:red|class/);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' java\tscript:alert(1)',
    'data:text/html,<script>',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example',
    '/relative',
    'http://',
  ])('refuses the link %j', (url) => {
    expect(DocumentSchema.safeParse(wrap([link(url)])).success).toBe(false);
  });

  it.each([
    'http://www.tongzhou.gov.cn/',
    'https://example.org/a?b=c#d',
    'mailto:xwb@tongzhou.gov.cn',
  ])('keeps the link %j', (url) => {
    expect(DocumentSchema.safeParse(wrap([link(url)])).success).toBe(true);
  });

  it('forces rel=noopener noreferrer and no target on links', () => {
    const parsed = DocumentSchema.parse(
      wrap([
        para([
          { type: 'link', url: 'https://a.example/', rel: 'opener', target: '_top', children: [] },
        ]),
      ]),
    );
    expect(parsed.root.children[0]).toMatchObject({
      children: [{ rel: 'noopener noreferrer', target: null }],
    });
  });

  it('refuses unknown node types, images outside the media library, and raw HTML', () => {
    expect(DocumentSchema.safeParse(wrap([{ type: 'html', html: '<script>' }])).success).toBe(
      false,
    );
    expect(
      DocumentSchema.safeParse(wrap([para([{ type: 'image', src: 'http://evil.example/x.png' }])]))
        .success,
    ).toBe(false);
    expect(
      DocumentSchema.safeParse(wrap([para([{ type: 'image', mediaHash: '../../etc/passwd' }])]))
        .success,
    ).toBe(false);
  });

  it('safeLinkUrl normalizes what it keeps', () => {
    expect(safeLinkUrl(' HTTPS://Example.ORG/路径 ')).toBe(
      'https://example.org/%E8%B7%AF%E5%BE%84',
    );
  });
});
