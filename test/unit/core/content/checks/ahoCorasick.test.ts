import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AhoCorasick,
  leftmostLongest,
  type Match,
} from '../../../../../src/core/content/checks/ahoCorasick.ts';

/** Every occurrence by indexOf, one term at a time; repeated terms report their first index. */
function naiveAll(terms: readonly string[], text: string): Match[] {
  const out: Match[] = [];
  terms.forEach((term, index) => {
    if (terms.indexOf(term) !== index) return;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1))
      out.push({ term: index, start: at, end: at + term.length });
  });
  return out;
}

/** Leftmost-longest by brute force: at each position, the longest term starting there. */
function naiveLeftmostLongest(terms: readonly string[], text: string): Match[] {
  const out: Match[] = [];
  let at = 0;
  while (at < text.length) {
    let best: Match | undefined;
    terms.forEach((term, index) => {
      if (terms.indexOf(term) !== index) return;
      if (text.startsWith(term, at) && (!best || term.length > best.end - best.start))
        best = { term: index, start: at, end: at + term.length };
    });
    if (best) {
      out.push(best);
      at = best.end;
    } else at++;
  }
  return out;
}

const sortMatches = (ms: Match[]) =>
  [...ms].sort((a, b) => a.start - b.start || a.end - b.end || a.term - b.term);

// A small alphabet (CJK, Latin, an astral character as a surrogate pair) so that terms overlap
// and share prefixes and suffixes often.
const alphabet = fc.constantFrom('政', '务', '公', '开', 'a', 'b', '𠀀');
const str = (min: number, max: number) =>
  fc.array(alphabet, { minLength: min, maxLength: max }).map((cs) => cs.join(''));

describe('AhoCorasick', () => {
  it('finds the same matches as indexOf per term, overlapping ones included', () => {
    fc.assert(
      fc.property(
        fc.array(str(1, 5), { minLength: 1, maxLength: 12 }),
        str(0, 60),
        (terms, text) => {
          const ac = new AhoCorasick(terms);
          expect(sortMatches(ac.findAll(text))).toEqual(sortMatches(naiveAll(terms, text)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('chooses leftmost-longest non-overlapping matches like a brute-force scan', () => {
    fc.assert(
      fc.property(
        fc.array(str(1, 5), { minLength: 1, maxLength: 12 }),
        str(0, 60),
        (terms, text) => {
          const ac = new AhoCorasick(terms);
          expect(ac.findLeftmostLongest(text)).toEqual(naiveLeftmostLongest(terms, text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lets the longest match win where terms start at the same place, and the leftmost where they overlap', () => {
    const ac = new AhoCorasick(['总统', '台湾总统', '民国政府', '中华民国']);
    const terms = (text: string) => ac.findLeftmostLongest(text).map((m) => ac.terms[m.term]);
    expect(terms('所谓台湾总统一说')).toEqual(['台湾总统']);
    expect(terms('中华民国政府')).toEqual(['中华民国']);
    expect(ac.findAll('中华民国政府')).toHaveLength(2);
  });

  it('refuses an empty term', () => {
    expect(() => new AhoCorasick(['公开', ''])).toThrow(/Term 1 is empty/);
  });

  it('selects from any match set without losing non-overlapping ones', () => {
    expect(
      leftmostLongest([
        { term: 1, start: 4, end: 6 },
        { term: 0, start: 0, end: 2 },
        { term: 2, start: 1, end: 5 },
      ]),
    ).toEqual([
      { term: 0, start: 0, end: 2 },
      { term: 1, start: 4, end: 6 },
    ]);
  });
});
