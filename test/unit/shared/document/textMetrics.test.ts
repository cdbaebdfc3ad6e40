import { describe, expect, it } from 'vitest';
import { headingNumbers, chineseNumeral } from '../../../../src/shared/document/headingNumbers.ts';
import { plainText } from '../../../../src/shared/document/plainText.ts';
import { textMetrics } from '../../../../src/shared/document/textMetrics.ts';
import { doc, heading, paragraph } from '../../../fixtures/documents.ts';

describe('text metrics', () => {
  it('counts Chinese characters, not bytes or UTF-16 units, and skips whitespace', () => {
    const m = textMetrics(doc('政务公开 工作', paragraph('👍🏽 ok'), ''));
    expect(m.characters).toBe(6 + 1 + 2);
    expect(m.hanCharacters).toBe(6);
    expect(m.paragraphs).toBe(2);
    expect(m.images).toBe(0);
  });

  it('estimates reading time from 400 Chinese characters a minute', () => {
    expect(textMetrics(doc('字'.repeat(400))).readingMinutes).toBe(1);
    expect(textMetrics(doc('字'.repeat(401))).readingMinutes).toBe(2);
    expect(textMetrics(doc('')).readingMinutes).toBe(0);
  });

  it('numbers headings the way official documents do', () => {
    const d = doc(
      heading('h1', 'a'),
      heading('h2', 'b'),
      heading('h2', 'c'),
      heading('h3', 'd'),
      heading('h4', 'e'),
      heading('h1', 'f'),
      heading('h2', 'g'),
    );
    expect(headingNumbers(d)).toEqual([
      '一、',
      '（一）',
      '（二）',
      '1.',
      '（1）',
      '二、',
      '（一）',
    ]);
    expect([1, 10, 11, 20, 21, 99, 100].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '100',
    ]);
  });

  it('gives plain text one block a line', () => {
    expect(plainText(doc('第一段', heading('h1', '标题'), '第二段'))).toBe('第一段\n标题\n第二段');
  });
});
