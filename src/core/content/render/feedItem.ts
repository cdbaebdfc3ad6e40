import { channelUrl } from './channelUrl.ts';
import { fitCap, fitText } from './fitText.ts';
import { graphemeCount } from './graphemes.ts';
import type { JsonFeedItem } from '../../../shared/content/jsonFeedItemSchema.ts';
import { collapse, leadText } from './leadText.ts';
import { renderPortalHtml } from './portalHtml.ts';
import type { ImageUrlOf, Release } from './release.ts';

export interface FeedItemOptions {
  /** The item's id: stable forever (the app dedupes and updates by it), e.g. the draft id. */
  itemId: string;
  /** The release's page on the portal. */
  url?: string | undefined;
  /** Image URLs in content_html and for the cover (usually the portal's media URLs). */
  imageUrl: ImageUrlOf;
  /**
   * The portal HTML of this release already rendered with the same imageUrl (renderAll passes
   * it, to render the body once); rendered here when absent.
   */
  contentHtml?: string | undefined;
  /** When it was first published and last changed (written as RFC 3339 in UTC). */
  datePublished: Date;
  dateModified?: Date | undefined;
  /** BCP 47 language of the item; default zh-CN. */
  language?: string | undefined;
}

/** The length a generated summary is cut to, in grapheme clusters. */
export const FEED_SUMMARY_MAX = 120;

/**
 * A JSON Feed 1.1 item for the district app. content_html is the portal's HTML (one renderer,
 * one escaping policy); title, summary and tags are plain text, as JSON Feed defines them.
 * The summary is meta.summary, else the start of the body cut to FEED_SUMMARY_MAX with '…'.
 * Validated against JsonFeedItemSchema in the tests.
 */
export function renderFeedItem(release: Release, options: FeedItemOptions): JsonFeedItem {
  const { meta } = release;
  const summary =
    fitText(leadText(release, fitCap(FEED_SUMMARY_MAX)), (s) => s, graphemeCount, FEED_SUMMARY_MAX)
      ?.text ?? '';
  const author = collapse(meta.author) || collapse(meta.issuingUnit);
  const tags = meta.keywords.map(collapse).filter((k) => k !== '');
  const item: JsonFeedItem = {
    id: options.itemId,
    ...(options.url === undefined ? {} : { url: channelUrl(options.url, 'appfeed', 'item') }),
    title: collapse(release.title),
    content_html: options.contentHtml ?? renderPortalHtml(release, { imageUrl: options.imageUrl }),
    ...(summary === '' ? {} : { summary }),
    ...(meta.coverImage
      ? { image: channelUrl(options.imageUrl(meta.coverImage), 'appfeed', 'image') }
      : {}),
    date_published: options.datePublished.toISOString(),
    date_modified: (options.dateModified ?? options.datePublished).toISOString(),
    ...(tags.length === 0 ? {} : { tags }),
    ...(author === '' ? {} : { authors: [{ name: author }] }),
    language: options.language ?? 'zh-CN',
  };
  return item;
}
