// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  buildWordLists,
  isOrderedMarker,
  markerStart,
  type WordListParagraph,
} from '../../../../src/renderer/editor/plugins/PastePlugin/wordLists.ts';

describe('isOrderedMarker', () => {
  it('numbers: Arabic, letters, Roman, Chinese, circled, outline numbers', () => {
    for (const marker of [
      '1.',
      '12.',
      '1)',
      '（1）',
      '(3)',
      '1、',
      'a.',
      'B)',
      '(c)',
      'iv.',
      'IX)',
      '一、',
      '十二、',
      '（一）',
      '①',
      '⑴',
      '1.2.',
      '2.1',
    ]) {
      expect(isOrderedMarker(marker), marker).toBe(true);
    }
  });

  it('bullets: symbols and the letters Wingdings and Symbol bullets become as text', () => {
    for (const marker of [
      '·',
      '•',
      '▪',
      '■',
      '◆',
      '○',
      '§',
      'Ø',
      'ü',
      'l',
      'n',
      'q',
      'v',
      'o',
      '-',
      '',
    ]) {
      expect(isOrderedMarker(marker), marker).toBe(false);
    }
  });

  it('ignores the spacing Word puts after the marker', () => {
    expect(isOrderedMarker('1.\u00a0\u00a0\u00a0 ')).toBe(true);
  });
});

describe('markerStart', () => {
  it('is the first number of a list continued after a break', () => {
    expect(markerStart('3.')).toBe(3);
    expect(markerStart('（12）')).toBe(12);
    expect(markerStart('1.')).toBeNull();
    expect(markerStart('a.')).toBeNull();
  });
});

describe('buildWordLists', () => {
  const item = (
    level: number,
    marker: string,
    text: string,
    list = 'l0:lfo1',
  ): WordListParagraph => ({
    list,
    level,
    marker,
    children: [{ kind: 'text', text }],
  });
  const texts = (lists: ReturnType<typeof buildWordLists>): unknown =>
    lists.map((list) => ({
      [list.ordered ? 'ol' : 'ul']: list.items.map((i) => {
        const text = i.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
        return i.lists.length > 0 ? [text, texts(i.lists)] : text;
      }),
    }));

  it('nests deeper levels in the item before them, and comes back out', () => {
    expect(
      texts(
        buildWordLists([
          item(1, '·', '甲'),
          item(2, 'o', '甲一'),
          item(2, 'o', '甲二'),
          item(1, '·', '乙'),
        ]),
      ),
    ).toEqual([{ ul: [['甲', [{ ul: ['甲一', '甲二'] }]], '乙'] }]);
  });

  it('skips levels without losing items, and nests from an empty item when there is no parent', () => {
    expect(texts(buildWordLists([item(1, '1.', '一'), item(3, 'a)', '三级')]))).toEqual([
      { ol: [['一', [{ ol: ['三级'] }]]] },
    ]);
    expect(texts(buildWordLists([item(2, '·', '孤立')]))).toEqual([{ ul: ['孤立'] }]);
  });

  it('starts a new list for another Word list at the top level, or another kind at the same level', () => {
    expect(texts(buildWordLists([item(1, '1.', '甲'), item(1, '1.', '乙', 'l1:lfo2')]))).toEqual([
      { ol: ['甲'] },
      { ol: ['乙'] },
    ]);
    expect(
      texts(buildWordLists([item(1, '1.', '甲'), item(2, '·', '子'), item(2, 'a.', '丑')])),
    ).toEqual([{ ol: [['甲', [{ ul: ['子'] }, { ol: ['丑'] }]]] }]);
  });
});
