import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, originalRange } from '../../../../../src/core/content/checks/foldText.ts';

describe('foldText', () => {
  it('leaves simplified Chinese without full-width forms untouched, with no offset map', () => {
    const t = '全区共收到依申请公开政府信息499件、针对不同情形予以答复。';
    expect(foldText(t)).toEqual({ text: t, map: null });
  });

  it('folds full-width punctuation too (NFKC), keeping one unit per character', () => {
    const folded = foldText('信息499件，针对（一）');
    expect(folded.text).toBe('信息499件,针对(一)');
    expect(originalRange(folded, 6, 7)).toEqual([6, 7]);
  });

  it('folds full-width letters and digits and capitals, mapping offsets back', () => {
    const original = '全区ＷＩＦＩ覆盖率达１００％';
    const folded = foldText(original);
    expect(folded.text).toBe('全区wifi覆盖率达100%');
    const at = folded.text.indexOf('wifi');
    const [start, end] = originalRange(folded, at, at + 4);
    expect(original.slice(start, end)).toBe('ＷＩＦＩ');
  });

  it('never splits an original character when one becomes several (㈱, ﬁ) or several become one (e + ◌́)', () => {
    const original = 'A㈱ﬁe\u0301Z';
    const folded = foldText(original);
    expect(folded.text).toBe('a(株)fiéz');
    const at = folded.text.indexOf('株');
    expect(originalRange(folded, at, at + 1)).toEqual([1, 2]);
    const e = folded.text.indexOf('é');
    expect(original.slice(...originalRange(folded, e, e + 1))).toBe('e\u0301');
  });

  it('maps every folded unit to whole original characters, in order, covering the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (original) => {
        const folded = foldText(original);
        // The distinct original ranges, in folded order; folding each one alone gives back
        // the folded text, so no unit is attributed to the wrong original characters.
        const ranges: [number, number][] = [];
        for (let i = 0; i < folded.text.length; i++) {
          const [start, end] = originalRange(folded, i, i + 1);
          expect(end).toBeGreaterThan(start);
          const last = ranges[ranges.length - 1];
          if (last && last[0] === start) continue;
          if (last) expect(start).toBe(last[1]);
          ranges.push([start, end]);
        }
        const rebuilt = ranges.map(([s, e]) => foldText(original.slice(s, e)).text).join('');
        expect(rebuilt).toBe(folded.text);
      }),
      { numRuns: 300 },
    );
  });
});
