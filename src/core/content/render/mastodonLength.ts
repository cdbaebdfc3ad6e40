import { graphemeCount } from './graphemes.ts';
import { URL_IN_TEXT } from './urlPattern.ts';

/** Mastodon's default status limit; instances may raise it (configuration.statuses.max_characters). */
export const MASTODON_DEFAULT_MAX_CHARACTERS = 500;

/** What every URL counts on Mastodon, whatever its length (its server and web client agree). */
export const MASTODON_URL_LENGTH = 23;

/**
 * The length of a status as Mastodon counts it: grapheme clusters (an emoji ZWJ sequence is
 * one), every http(s) URL counting MASTODON_URL_LENGTH. Mentions (@user@domain count only
 * their local part on Mastodon) are not treated specially: counting the domain too only
 * over-counts, and releases do not mention accounts.
 */
export function mastodonLength(text: string): number {
  let length = 0;
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    length += graphemeCount(text.slice(last, match.index)) + MASTODON_URL_LENGTH;
    last = match.index + match[0].length;
  }
  return length + graphemeCount(text.slice(last));
}
