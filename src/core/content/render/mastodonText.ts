import { cleanText } from './cleanText.ts';
import { channelUrl } from './channelUrl.ts';
import { fitCap, fitText } from './fitText.ts';
import { collapse, leadText } from './leadText.ts';
import { MASTODON_DEFAULT_MAX_CHARACTERS, mastodonLength } from './mastodonLength.ts';
import type { Release } from './release.ts';

export interface MastodonOptions {
  /** The instance's limit (GET /api/v2/instance -> configuration.statuses.max_characters). */
  maxCharacters?: number | undefined;
  /** The release's page on the portal, appended when given. */
  portalUrl?: string | undefined;
  /** Append the keywords as hashtags (default false). */
  hashtags?: boolean | undefined;
  /** The editor's own text for this channel: used as it is (control characters removed). */
  text?: string | undefined;
}

export interface MastodonText {
  text: string;
  /** mastodonLength(text). */
  length: number;
  maxCharacters: number;
  fits: boolean;
  cut: boolean;
}

/**
 * A Mastodon status, paragraphs separated by a blank line: the title, the summary (or the
 * start of the body), the link, the hashtags. When it is too long the summary is cut (ending
 * with '…'), then dropped, then the hashtags dropped, then the title cut; the link never is.
 */
export function renderMastodonText(release: Release, options: MastodonOptions = {}): MastodonText {
  const maxCharacters = options.maxCharacters ?? MASTODON_DEFAULT_MAX_CHARACTERS;
  if (options.text !== undefined) return measured(cleanText(options.text), maxCharacters, false);
  const link =
    options.portalUrl === undefined ? '' : channelUrl(options.portalUrl, 'mastodon', 'portal link');
  const tags = options.hashtags ? hashtags(release.meta.keywords) : '';
  const title = collapse(release.title);
  const join = (...parts: string[]) => parts.filter((p) => p !== '').join('\n\n');
  const withLead = fitText(
    leadText(release, fitCap(maxCharacters)),
    (lead) => join(title, lead, link, tags),
    mastodonLength,
    maxCharacters,
  );
  if (withLead) return measured(withLead.text, maxCharacters, withLead.cut);
  const fitted = fitText(title, (t) => join(t, link), mastodonLength, maxCharacters);
  if (fitted) return measured(fitted.text, maxCharacters, true);
  return measured(link, maxCharacters, true);
}

/**
 * Keywords as hashtags: Mastodon hashtags are letters, digits, marks and underscores (CJK
 * included), so anything else is removed; keywords left empty are skipped, duplicates once.
 */
export function hashtags(keywords: readonly string[]): string {
  const tags = new Set<string>();
  for (const keyword of keywords) {
    const tag = cleanText(keyword).replace(/[^\p{L}\p{N}\p{M}_]/gu, '');
    if (tag !== '') tags.add(`#${tag}`);
  }
  return [...tags].join(' ');
}

function measured(text: string, maxCharacters: number, cut: boolean): MastodonText {
  const length = mastodonLength(text);
  return { text, length, maxCharacters, fits: length <= maxCharacters, cut };
}
