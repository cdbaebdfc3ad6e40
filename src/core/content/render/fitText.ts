import { graphemes } from './graphemes.ts';

/** The mark a cut text ends with. */
export const ELLIPSIS = '…';

/**
 * The longest part fitText considers: every measure here counts at least half a unit per UTF-16
 * unit (Weibo: ASCII), URLs aside, so a longer part never fits whole. A part longer than this
 * is always cut, which keeps a 30,000-character body cheap and lets callers stop gathering
 * text once they have this much.
 */
export function fitCap(max: number): number {
  return max * 4 + 64;
}

export interface Fitted {
  text: string;
  /** Whether `part` had to be shortened (the result then carries ELLIPSIS after it). */
  cut: boolean;
}

/**
 * Fits one variable part of a text into a measure: returns compose(part) when it fits, else
 * compose(prefix + '…') for the longest prefix of `part` that fits, cut on a grapheme cluster
 * boundary (never inside an emoji sequence or a base + combining mark), trailing spaces
 * dropped before the '…'. Returns undefined when even compose('') is too long, so the caller
 * can sacrifice something else. `measure` must grow with the prefix (both microblog measures
 * do, up to URL shortening); the result is checked against `max` in every case.
 */
export function fitText(
  part: string,
  compose: (part: string) => string,
  measure: (text: string) => number,
  max: number,
): Fitted | undefined {
  const whole = compose(part);
  if (measure(whole) <= max) return { text: whole, cut: false };
  // Any measure counts at least half a unit per UTF-16 unit (Weibo: ASCII), URLs aside, so a prefix
  // longer than this never fits: bounding it keeps a 30,000-character body cheap to cut.
  const cap = max * 4 + 64;
  const clusters = graphemes(part.length > cap ? part.slice(0, cap) : part);
  if (part.length > cap) clusters.pop(); // the slice may have split the last cluster
  const attempt = (k: number) => compose(clusters.slice(0, k).join('').trimEnd() + ELLIPSIS);
  if (clusters.length > 0 && measure(attempt(1)) <= max) {
    let low = 1; // the largest prefix length known to fit
    let high = clusters.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (measure(attempt(mid)) <= max) low = mid;
      else high = mid - 1;
    }
    return { text: attempt(low), cut: true };
  }
  // Not even one character fits: drop the part ("【标题】… url" would say nothing more).
  const bare = compose('');
  return measure(bare) <= max ? { text: bare, cut: true } : undefined;
}
