/**
 * Chinese full-text search over two FTS5 indexes (DESIGN.md, "Data"):
 *  - a trigram index, which finds any substring of three or more characters;
 *  - a bigram index of our own making, for the one- and two-character words that trigrams
 *    cannot find (公开, 通知, 区 ...): every run of Han characters is stored as its
 *    overlapping pairs plus its last character, as space-separated tokens, so the unicode61
 *    tokenizer indexes each pair as a word. A two-character query is then an exact token
 *    match, a one-character query a prefix match.
 * A query is split on whitespace; every term must match (AND).
 */
const HAN_RUN = /\p{Script=Han}+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** The bigram-index text of a document's text. Non-Han text is kept for unicode61 to tokenize. */
export function bigramText(text: string): string {
  return text.replace(HAN_RUN, (run) => {
    const chars = Array.from(run);
    if (chars.length === 1) return ` ${run} `;
    const grams: string[] = [];
    for (let i = 0; i < chars.length - 1; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
    grams.push(chars[chars.length - 1] as string);
    return ` ${grams.join(' ')} `;
  });
}

export type SearchTerm =
  | { index: 'trigram'; match: string; text: string }
  | { index: 'bigram'; match: string; text: string };

/** An FTS5 string literal: double quotes doubled, so the term is matched as text, never as syntax. */
const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** Splits a query into terms and picks the index and FTS5 expression for each. */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const raw of query.trim().split(/\s+/u)) {
    const text = raw.normalize('NFKC');
    if (text === '') continue;
    const length = Array.from(segmenter.segment(text)).length;
    if (length >= 3) terms.push({ index: 'trigram', match: quote(text), text });
    else if (length === 2)
      terms.push({
        index: 'bigram',
        match: /\p{Script=Han}/u.test(text) ? quote(text) : `${quote(text)}*`,
        text,
      });
    else terms.push({ index: 'bigram', match: `${quote(text)}*`, text });
  }
  return terms;
}

/** A short excerpt around the first match, for the result list. */
export function snippetOf(
  text: string,
  terms: readonly SearchTerm[],
  radius = 40,
): string | undefined {
  const flat = text.replace(/\s+/gu, ' ');
  const lower = flat.toLowerCase();
  for (const term of terms) {
    const at = lower.indexOf(term.text.toLowerCase());
    if (at < 0) continue;
    const from = Math.max(0, at - radius);
    const to = Math.min(flat.length, at + term.text.length + radius);
    return `${from > 0 ? '…' : ''}${flat.slice(from, to)}${to < flat.length ? '…' : ''}`;
  }
  return undefined;
}
