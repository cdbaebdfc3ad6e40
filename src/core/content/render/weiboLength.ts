import { URL_IN_TEXT } from './urlPattern.ts';

/** Weibo's limit for a status, in its own characters (see weiboLength). */
export const WEIBO_MAX_LENGTH = 140;

/**
 * What one URL counts, in Weibo characters, whatever its length: Weibo shortens links to
 * http://t.cn/xxxxxxx (about 20 ASCII characters = 10). [unverified: shared/channels/weibo.md
 * says "about 10"]. This is the one place to correct it.
 */
export const WEIBO_URL_LENGTH = 10;

/**
 * The length of a status as Weibo counts it: ceil((ascii + 2 * other) / 2), every URL counting
 * WEIBO_URL_LENGTH. A full-width (CJK) character counts 1, an ASCII character one half.
 *
 * "Other" is counted per Unicode code point, not per grapheme cluster: an emoji such as 😀 is one
 * non-ASCII character (counts 1), but a ZWJ sequence (👨‍👩‍👧 = 5 code points) or a flag (2) counts
 * once per code point. That over-counts against a grapheme count on purpose: Weibo's web client
 * is reported to count by UTF-16 unit, which would count even more [unverified], and counting
 * too much only cuts the text a little earlier while counting too little gets the post
 * rejected (error 20012). If Weibo turns out to count by UTF-16 unit, change `units` below.
 */
export function weiboLength(text: string): number {
  let halfUnits = 0;
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    halfUnits += units(text.slice(last, match.index)) + 2 * WEIBO_URL_LENGTH;
    last = match.index + match[0].length;
  }
  halfUnits += units(text.slice(last));
  return Math.ceil(halfUnits / 2);
}

/** Half-units of a text without URLs: 1 per ASCII code point, 2 per other code point. */
function units(text: string): number {
  let n = 0;
  for (const char of text) n += char < '\u0080' ? 1 : 2;
  return n;
}
