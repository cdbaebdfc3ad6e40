const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Text where every code point is a grapheme cluster of its own: printable ASCII, tab and line
 * feed (no CR: CR LF is one cluster), Latin-1 and Latin Extended-A/B (precomposed pinyin), general punctuation, box drawing, CJK symbols and
 * punctuation, CJK unified ideographs and full-width forms. None of these join with a
 * neighbour, so their clusters need no segmenter, which is slow; official Chinese prose is
 * nearly always such text.
 */
const SIMPLE =
  /^[\t\n\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2500-\u257f\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]*$/;

/** The user-perceived characters (extended grapheme clusters) of a text. */
export function graphemes(text: string): string[] {
  if (SIMPLE.test(text)) return text.split('');
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) out.push(segment);
  return out;
}

/** How many grapheme clusters a text has. */
export function graphemeCount(text: string): number {
  if (SIMPLE.test(text)) return text.length;
  let n = 0;
  const clusters = segmenter.segment(text)[Symbol.iterator]();
  while (!clusters.next().done) n++;
  return n;
}
