import { describe, expect, it } from 'vitest';
import { documentSpans } from '../../../../../src/core/content/checks/documentSpans.ts';
import { plainTextBlocks } from '../../../../../src/shared/document/plainText.ts';
import { doc, hash, image, link, para, text } from './fixtures.ts';

describe('documentSpans', () => {
  const body = doc(
    { type: 'heading', tag: 'h1', children: [text('一、概述')] },
    para(
      text('详见'),
      link('https://www.gov.cn/', '中国政府网'),
      { type: 'linebreak' },
      image(hash('a'), '发布会现场'),
      text('。'),
    ),
    {
      type: 'list',
      listType: 'number',
      tag: 'ol',
      children: [
        { type: 'listitem', children: [text('第一项'), image(hash('b'))] },
        {
          type: 'listitem',
          children: [
            {
              type: 'list',
              listType: 'bullet',
              tag: 'ul',
              children: [{ type: 'listitem', children: [link('http://example.cn', '附件')] }],
            },
          ],
        },
      ],
    },
    { type: 'horizontalrule' },
    {
      type: 'table',
      children: [
        {
          type: 'tablerow',
          children: [
            { type: 'tablecell', children: [para(text('甲')), para(text('乙'))] },
            {
              type: 'tablecell',
              children: [para(text('见'), link('mailto:gk@example.cn', 'gk@example.cn'))],
            },
          ],
        },
      ],
    },
  );

  it('gives exactly plainTextBlocks, with each link and image at its offsets', () => {
    const spans = documentSpans(body);
    expect(spans.blocks).toEqual(plainTextBlocks(body));
    const at = (s: { blockIndex: number; start: number; end: number }) =>
      (spans.blocks[s.blockIndex] ?? '').slice(s.start, s.end);
    expect(spans.links.map(at)).toEqual(['中国政府网', '附件', 'gk@example.cn']);
    expect(spans.links.map((l) => l.blockIndex)).toEqual([1, 3, 4]);
    expect(spans.images.map(at)).toEqual(['[发布会现场]', '']);
    expect(spans.images[1]).toMatchObject({ blockIndex: 2, start: 3, end: 3 });
  });
});
