import { leftmostLongest } from './ahoCorasick.ts';
import type { CompiledWordList } from './compileWordList.ts';
import { foldText, originalRange } from './foldText.ts';
import type { WordListEntry } from './wordList.ts';

export interface ExpressionHit {
  entry: WordListEntry;
  /** Offsets into the original (unfolded) text. */
  start: number;
  end: number;
  /** The text as written, e.g. "ＷｉＦｉ" for the term "WiFi". */
  matched: string;
}

const WORD = /[a-z0-9]/;

/**
 * The word-list terms in a text, leftmost-longest and non-overlapping (see
 * AhoCorasick.findLeftmostLongest), matched after folding (NFKC + lower case, see foldText.ts).
 * A term that starts or ends with a Latin letter or digit must not continue a Latin word or
 * number there ("WiFi" is found in "免费WiFi覆盖", not in "WiFiX"); CJK terms have no such
 * boundary, as Chinese has no spaces between words.
 */
export function findExpressions(text: string, compiled: CompiledWordList): ExpressionHit[] {
  if (text.length === 0 || compiled.entries.length === 0) return [];
  const folded = foldText(text);
  const f = folded.text;
  const bounded = compiled.matcher.findAll(f).filter((m) => {
    const term = compiled.matcher.terms[m.term] ?? '';
    const startsWord = WORD.test(term[0] ?? '');
    const endsWord = WORD.test(term[term.length - 1] ?? '');
    return (
      !(startsWord && m.start > 0 && WORD.test(f[m.start - 1] ?? '')) &&
      !(endsWord && WORD.test(f[m.end] ?? ''))
    );
  });
  return leftmostLongest(bounded).map((m) => {
    const [start, end] = originalRange(folded, m.start, m.end);
    return {
      entry: compiled.entries[m.term] as WordListEntry,
      start,
      end,
      matched: text.slice(start, end),
    };
  });
}
