/**
 * Text as the checks compare it: NFKC (full-width Latin letters and digits become ASCII,
 * the ideographic space a space, compatibility ideographs their unified form) and lower case
 * (so Latin terms match in any case). CJK text is otherwise unchanged.
 *
 * Folding may change lengths (e.g. '㈱' -> '(株)'), so it keeps, for every UTF-16 unit of the
 * folded text, the [start, end) of the original text it came from: a match [s, e) in the
 * folded text is [starts[s], ends[e - 1]) in the original, and never splits an original
 * character.
 *
 * The unit of folding is one code point with the combining marks that follow it (so 'e' +
 * U+0301 composes to 'é'). Sequences that NFKC would compose across such units (conjoining
 * Hangul jamo) are left uncomposed; terms are folded by this same function, so they still match.
 */
export interface FoldedText {
  text: string;
  /** Null when folding changed nothing: offsets are then the same in both texts. */
  map: { starts: Int32Array; ends: Int32Array } | null;
}

const COMBINING = /^\p{M}$/u;

/** Folded forms of single BMP characters seen so far (at most 65,536; Chinese text reuses few). */
const foldedUnit = new Map<number, string>();

function foldUnit(code: number): string {
  let folded = foldedUnit.get(code);
  if (folded === undefined) {
    folded = String.fromCharCode(code).normalize('NFKC').toLowerCase();
    foldedUnit.set(code, folded);
  }
  return folded;
}

export function foldText(original: string): FoldedText {
  // Fast path: most releases are already NFKC and have no capitals.
  const whole = original.normalize('NFKC').toLowerCase();
  if (whole === original) return { text: original, map: null };

  let text = '';
  // Typed arrays, grown on demand: folding rarely lengthens the text much.
  let starts = new Int32Array(original.length + 16);
  let ends = new Int32Array(original.length + 16);
  let n = 0;
  const push = (start: number, end: number) => {
    if (n === starts.length) {
      const grownStarts = new Int32Array(n * 2);
      grownStarts.set(starts);
      starts = grownStarts;
      const grownEnds = new Int32Array(n * 2);
      grownEnds.set(ends);
      ends = grownEnds;
    }
    starts[n] = start;
    ends[n] = end;
    n++;
  };
  let i = 0;
  while (i < original.length) {
    const code = original.charCodeAt(i);
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    if (!isSurrogate && !isCombiningAt(original, i + 1)) {
      // One BMP character with no marks after it: the common case, cached.
      const folded = foldUnit(code);
      text += folded;
      for (let k = 0; k < folded.length; k++) push(i, i + 1);
      i += 1;
      continue;
    }
    const cp = original.codePointAt(i) ?? code;
    let end = i + (cp > 0xffff ? 2 : 1);
    while (end < original.length && isCombiningAt(original, end)) {
      end += (original.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    }
    const folded = original.slice(i, end).normalize('NFKC').toLowerCase();
    text += folded;
    for (let k = 0; k < folded.length; k++) push(i, end);
    i = end;
  }
  return { text, map: { starts: starts.subarray(0, n), ends: ends.subarray(0, n) } };
}

function isCombiningAt(s: string, at: number): boolean {
  const cp = s.codePointAt(at);
  // Every combining mark is at or above U+0300; CJK ideographs (U+3400 up to U+9FFF) are not.
  if (cp === undefined || cp < 0x300 || (cp >= 0x3400 && cp <= 0x9fff)) return false;
  return COMBINING.test(String.fromCodePoint(cp));
}

/** The original [start, end) of the folded range [start, end) (end > start). */
export function originalRange(folded: FoldedText, start: number, end: number): [number, number] {
  if (folded.map === null) return [start, end];
  return [folded.map.starts[start] ?? start, folded.map.ends[end - 1] ?? end];
}

/** Folds a term the way texts are folded (no offsets needed). */
export const foldTerm = (term: string): string => foldText(term).text;
