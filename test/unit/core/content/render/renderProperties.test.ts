import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonFeedItemSchema } from '../../../../../src/shared/content/jsonFeedItemSchema.ts';
import { renderAll } from '../../../../../src/core/content/render/renderAll.ts';
import { DocumentSchema } from '../../../../../src/shared/document/nodes.ts';
import { DocumentMetaSchema } from '../../../../../src/shared/domain/documentMeta.ts';

/** Strings aimed at the renderers' escaping, mixed with arbitrary ones. */
const NASTY = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//x.cn/x.js>',
  'javascript:alert(1)',
  '" onerror="alert(1)',
  "' onmouseover='alert(1)",
  '<img src=x onerror=alert(1)>',
  '&lt;already&gt; &amp;',
  '\u0000\u0007\u001b\u007f\u0085\u009f',
  '\ud800 lone \udc00',
  '😀👨‍👩‍👧🇨🇳',
  '政务公开，区政府。',
  '</p></section><style>',
  ']]><!--',
];
const text = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const safeUrl = fc.oneof(
  fc.constantFrom(
    'https://x.cn/a?b="c"&d=<e>',
    "https://x.cn/'onerror='x",
    'mailto:a@b.cn?subject=<x>',
    'http://mp.weixin.qq.com/s/a',
    'https://mp.weixin.qq.com/s?a=1&b=2',
  ),
  fc.webUrl(),
);
const format = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xff }));
const hash = fc.stringMatching(/^[0-9a-f]{64}$/);
const textNode = fc.record({ type: fc.constant('text'), text, format });
const linkChild = fc.oneof(
  textNode,
  fc.constant({ type: 'linebreak' }),
  fc.constant({ type: 'tab' }),
);
const inline = fc.oneof(
  { weight: 5, arbitrary: textNode },
  fc.constant({ type: 'linebreak' }),
  fc.constant({ type: 'tab' }),
  fc.record({
    type: fc.constantFrom('link', 'autolink'),
    url: safeUrl,
    title: fc.option(text),
    isUnlinked: fc.boolean(),
    children: fc.array(linkChild, { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('image'),
    mediaHash: hash,
    altText: text,
    width: fc.option(fc.integer({ min: 1, max: 4000 })),
    height: fc.option(fc.integer({ min: 1, max: 4000 })),
  }),
);
const inlines = fc.array(inline, { maxLength: 6 });
const elementFormat = fc.constantFrom('', 'left', 'center', 'right', 'end', 'justify');

const { block } = fc.letrec<{
  block: unknown;
  list: unknown;
  item: unknown;
  table: unknown;
  cellBlock: unknown;
}>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('paragraph'), format: elementFormat, children: inlines }),
    fc.record({
      type: fc.constant('heading'),
      tag: fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6'),
      children: inlines,
    }),
    fc.record({ type: fc.constant('quote'), children: inlines }),
    fc.constant({ type: 'horizontalrule' }),
    tie('list'),
    tie('table'),
  ),
  list: fc.record({
    type: fc.constant('list'),
    listType: fc.constantFrom('bullet', 'number', 'check'),
    tag: fc.constantFrom('ul', 'ol'),
    start: fc.integer({ min: 1, max: 20 }),
    children: fc.array(tie('item'), { maxLength: 4 }),
  }),
  item: fc.record({
    type: fc.constant('listitem'),
    value: fc.integer({ min: 1, max: 20 }),
    checked: fc.boolean(),
    children: fc.array(fc.oneof({ depthSize: 'small' }, inline, tie('list')), { maxLength: 4 }),
  }),
  cellBlock: fc.oneof(
    { depthSize: 'small' },
    fc.record({ type: fc.constant('paragraph'), children: inlines }),
    fc.record({
      type: fc.constant('heading'),
      tag: fc.constantFrom('h1', 'h3'),
      children: inlines,
    }),
    tie('list'),
  ),
  table: fc.record({
    type: fc.constant('table'),
    children: fc.array(
      fc.record({
        type: fc.constant('tablerow'),
        children: fc.array(
          fc.record({
            type: fc.constant('tablecell'),
            headerState: fc.integer({ min: 0, max: 3 }),
            colSpan: fc.integer({ min: 1, max: 3 }),
            rowSpan: fc.integer({ min: 1, max: 3 }),
            children: fc.array(tie('cellBlock'), { maxLength: 2 }),
          }),
          { maxLength: 3 },
        ),
      }),
      { maxLength: 3 },
    ),
  }),
}));

const release = fc
  .record({
    title: text,
    summary: fc.oneof(fc.constant(''), text),
    keywords: fc.array(text, { maxLength: 4 }),
    author: text,
    cover: fc.option(hash),
    blocks: fc.array(block, { maxLength: 8 }),
  })
  .map(({ title, summary, keywords, author, cover, blocks }) => ({
    title,
    meta: DocumentMetaSchema.parse({
      kind: 'press_release',
      summary: summary.slice(0, 500),
      author: author.slice(0, 100),
      keywords: keywords.map((k) => k.trim().slice(0, 30)).filter((k) => k !== ''),
      coverImage: cover,
    }),
    body: DocumentSchema.parse({ root: { type: 'root', children: blocks } }),
  }));

/** Every tag the HTML renderers write, and nothing else. */
const TAGS = new Set(
  'p h2 h3 h4 h5 h6 blockquote ul ol li table thead tbody tr th td hr a strong em u s code sub sup mark br figure img section span'.split(
    ' ',
  ),
);
const TAG = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/y;
const ATTRIBUTE = /\s+([a-z-]+)="([^"<>]*)"/g;
const decode = (value: string) =>
  value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '',
  );

/**
 * The safety contract of channel HTML: every '<' opens one of our tags (so no '<' from text is
 * left unescaped), attribute values are double-quoted with nothing that could close them, no
 * on* attribute, href/src only http(s)/mailto, no <script, no control characters.
 */
function expectSafeHtml(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/(?![\t\n])\p{Cc}/u);
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    TAG.lastIndex = i;
    const match = TAG.exec(html);
    expect(match, html.slice(i, i + 60)).not.toBeNull();
    const [, , name = '', attributes = ''] = match ?? [];
    expect(TAGS.has(name), name).toBe(true);
    for (const [, attribute = '', value = ''] of attributes.matchAll(ATTRIBUTE)) {
      expect(attribute).not.toMatch(/^on/i);
      if (attribute === 'href' || attribute === 'src') {
        expect(decode(value)).toMatch(/^(https?:\/\/|mailto:)/);
        expect(decode(value)).not.toMatch(/^\s*(javascript|vbscript|data):/i);
      }
    }
  }
}

describe('every renderer on arbitrary documents', () => {
  it('writes no script, no event handler, no unsafe URL, no unescaped text, and keeps its limits', () => {
    fc.assert(
      fc.property(release, (r) => {
        const out = renderAll(r, {
          portal: { imageUrl: (h) => `https://img.example.gov.cn/${h}.jpg` },
          wechat: { imageUrl: (h) => `http://mmbiz.qpic.cn/mmbiz_jpg/${h}/0` },
          weibo: { portalUrl: 'https://www.tongzhou.gov.cn/art/1.html' },
          mastodon: { portalUrl: 'https://www.tongzhou.gov.cn/art/1.html', hashtags: true },
          feed: {
            itemId: 'id-1',
            imageUrl: (h) => `https://img.example.gov.cn/${h}.jpg`,
            datePublished: new Date(0),
          },
        });
        expectSafeHtml(out.portal.html);
        expectSafeHtml(out.wechat.html);
        expect(out.wechat.html).not.toMatch(/\s(class|id)=/);
        expect(out.wechat.html.match(/<a /g) ?? []).toHaveLength(
          (out.wechat.html.match(/href="https?:\/\/mp\.weixin\.qq\.com\//g) ?? []).length,
        );
        expectSafeHtml(out.feed.item.content_html ?? '');
        expect(JsonFeedItemSchema.safeParse(out.feed.item).success).toBe(true);
        // Plain-text outputs are not HTML: the channels escape them. They carry no control
        // characters (line feeds aside) and stay within their limits.
        for (const plain of [
          out.weibo.text,
          out.mastodon.text,
          out.feed.item.title ?? '',
          out.feed.item.summary ?? '',
        ])
          expect(plain).not.toMatch(/(?!\n)\p{Cc}|[\ud800-\udfff]/u);
        expect(out.weibo).toMatchObject({ fits: true, hasPortalLink: true });
        expect(out.mastodon.fits).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
