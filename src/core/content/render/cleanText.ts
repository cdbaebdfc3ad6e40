/**
 * Removes what no channel should receive from user text: C0 control characters except tab and
 * line feed, DEL, C1 controls (invalid in HTML, and in WeChat's JSON they give 47001), and lone
 * UTF-16 surrogates (replaced by U+FFFD, as a UTF-8 encoder would). Everything else is kept.
 */
const UNWANTED = /(?![\t\n])\p{Cc}|[\ud800-\udfff]/gu; // with u, only a lone surrogate matches

export function cleanText(text: string): string {
  return text.replace(UNWANTED, (c) => (c >= '\ud800' ? '\ufffd' : ''));
}
