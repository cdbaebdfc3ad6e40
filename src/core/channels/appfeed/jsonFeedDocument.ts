import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  JsonFeedItemSchema,
  type JsonFeedItem,
} from '../../../shared/content/jsonFeedItemSchema.ts';
import { atomicWriteFile, removeStaleTemps, type AtomicWriteOps } from './atomicWriteFile.ts';

/** The JSON Feed version this desk writes, and the only one it accepts when reading. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
export const FEED_FILE_NAME = 'feed.json';
export const FEED_MIME_TYPE = 'application/feed+json';
/** The feed keeps the newest this many items (apps keep what they already fetched). */
export const MAX_FEED_ITEMS = 500;
/** A withdrawal stays in the feed at least this long, so every app sees it and hides the item. */
export const TOMBSTONE_KEEP_MS = 30 * 24 * 60 * 60 * 1000;
/** What a withdrawn item says, in the app's language. */
export const RETRACTED_TEXT = '此条信息已撤回。';

const HttpUrl = z.url({ protocol: /^https?$/ });
const Rfc3339 = z.iso.datetime({ offset: true });

/** The `_retracted` extension of a tombstone item: when it was withdrawn, and why if told. */
export const RetractedSchema = z.object({
  at: Rfc3339,
  reason: z.string().min(1).optional(),
});
export type Retracted = z.infer<typeof RetractedSchema>;

const TOP_LEVEL_KEYS = new Set([
  'version',
  'title',
  'home_page_url',
  'feed_url',
  'description',
  'user_comment',
  'next_url',
  'icon',
  'favicon',
  'authors',
  'language',
  'expired',
  'hubs',
  'items',
]);

/**
 * A JSON Feed 1.1 document as this desk writes it: the version URL, a title, items with
 * unique ids; extensions (keys starting with "_") allowed, other unknown keys not. A tombstone
 * (`_retracted`) must carry a valid `_retracted` and no content_html.
 */
export const JsonFeedDocumentSchema = z
  .looseObject({
    version: z.literal(JSON_FEED_VERSION),
    title: z.string().min(1),
    home_page_url: HttpUrl.optional(),
    feed_url: HttpUrl.optional(),
    description: z.string().optional(),
    icon: HttpUrl.optional(),
    favicon: HttpUrl.optional(),
    language: z.string().optional(),
    expired: z.boolean().optional(),
    items: z.array(JsonFeedItemSchema),
  })
  .superRefine((feed, ctx) => {
    for (const key of Object.keys(feed)) {
      if (!TOP_LEVEL_KEYS.has(key) && !key.startsWith('_')) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'Unknown JSON Feed field (extensions must start with "_").',
        });
      }
    }
    const seen = new Set<string>();
    feed.items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: 'Duplicate id.' });
      }
      seen.add(item.id);
      if ('_retracted' in item) {
        if (!RetractedSchema.safeParse(item._retracted).success) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', index, '_retracted'],
            message: '_retracted needs {at: RFC 3339, reason?}.',
          });
        }
        if (item.content_html !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['items', index, 'content_html'],
            message: 'A withdrawn item keeps no content_html.',
          });
        }
      }
    });
  });
export type JsonFeedDocument = z.infer<typeof JsonFeedDocumentSchema>;

/** The feed-level fields the account settings decide. */
export interface FeedMeta {
  title: string;
  homePageUrl: string;
  feedUrl: string;
}

export function feedPathOf(feedDir: string): string {
  return join(feedDir, FEED_FILE_NAME);
}

/** The withdrawal of an item, or undefined for a live one. */
export function retractionOf(item: JsonFeedItem): Retracted | undefined {
  if (!('_retracted' in item)) return undefined;
  const parsed = RetractedSchema.safeParse(item._retracted);
  return parsed.success ? parsed.data : undefined;
}

export function findItem(feed: JsonFeedDocument, id: string): JsonFeedItem | undefined {
  return feed.items.find((item) => item.id === id);
}

/** A new feed, or `feed` with the settings' title and addresses (other fields kept). */
export function withMeta(feed: JsonFeedDocument | undefined, meta: FeedMeta): JsonFeedDocument {
  return {
    ...(feed ?? { version: JSON_FEED_VERSION, language: 'zh-CN', items: [] }),
    version: JSON_FEED_VERSION,
    title: meta.title,
    home_page_url: meta.homePageUrl,
    feed_url: meta.feedUrl,
  };
}

/**
 * The item that replaces a withdrawn one: same id (so apps that hold it replace it), the
 * `_retracted` extension, a content_text saying it was withdrawn, and nothing of the original
 * content (no content_html, title, summary, image, tags or attachments). `date_modified` is
 * the withdrawal, so apps that poll by modification see it.
 */
export function tombstoneOf(
  original: JsonFeedItem | undefined,
  id: string,
  at: Date,
  reason?: string,
): JsonFeedItem {
  const iso = at.toISOString();
  const retracted: Retracted = reason ? { at: iso, reason } : { at: iso };
  return {
    id,
    content_text: reason ? `${RETRACTED_TEXT}原因：${reason}` : RETRACTED_TEXT,
    date_published: original?.date_published ?? iso,
    date_modified: iso,
    ...(original?.language === undefined ? {} : { language: original.language }),
    _retracted: retracted,
  };
}

function timeOf(item: JsonFeedItem): number {
  const at = Date.parse(item.date_published ?? item.date_modified ?? '');
  return Number.isNaN(at) ? 0 : at;
}

/** Newest first by date_published (else date_modified); ties by id, so the order is stable. */
export function sortNewestFirst(items: readonly JsonFeedItem[]): JsonFeedItem[] {
  return [...items].sort(
    (a, b) => timeOf(b) - timeOf(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Keeps the newest MAX_FEED_ITEMS items, plus older tombstones withdrawn less than
 * TOMBSTONE_KEEP_MS before `now` (a withdrawal must reach every app before it goes).
 */
export function pruneFeed(feed: JsonFeedDocument, now: Date): JsonFeedDocument {
  const items = sortNewestFirst(feed.items).filter((item, index) => {
    if (index < MAX_FEED_ITEMS) return true;
    const retracted = retractionOf(item);
    return retracted !== undefined && now.getTime() - Date.parse(retracted.at) < TOMBSTONE_KEEP_MS;
  });
  return { ...feed, items };
}

/**
 * Puts `item` into the feed, replacing the item with the same id (re-publishing is therefore
 * safe to repeat), keeps the order newest first and the length bounded.
 */
export function mergeItem(feed: JsonFeedDocument, item: JsonFeedItem, now: Date): JsonFeedDocument {
  return pruneFeed({ ...feed, items: [item, ...feed.items.filter((i) => i.id !== item.id)] }, now);
}

export type FeedRead =
  | { kind: 'absent' }
  | { kind: 'ok'; feed: JsonFeedDocument }
  /** The file exists but is not a feed this desk can merge into: it is left alone. */
  | { kind: 'unreadable'; detail: string };

/** Reads `<feedDir>/feed.json`. Never throws. */
export async function readFeed(feedDir: string): Promise<FeedRead> {
  let text: string;
  try {
    text = await readFile(feedPathOf(feedDir), 'utf8');
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unreadable', detail: describeError(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', detail: `not JSON: ${describeError(error)}` };
  }
  const parsed = JsonFeedDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'unreadable',
      detail: `not a JSON Feed 1.1 document: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    };
  }
  return { kind: 'ok', feed: parsed.data };
}

/**
 * Writes the feed atomically (see atomicWriteFile) as UTF-8 JSON, creating the folder if
 * needed. The document is checked against JsonFeedDocumentSchema first: an invalid feed is a
 * defect and is never written. Temporary files a crash left are removed first, so call it
 * only inside withFeedLock (changeFeed does). Throws the file system's error.
 */
export async function writeFeed(
  feedDir: string,
  feed: JsonFeedDocument,
  ops?: AtomicWriteOps,
): Promise<void> {
  const checked = JsonFeedDocumentSchema.parse(feed);
  await mkdir(feedDir, { recursive: true });
  await removeStaleTemps(feedPathOf(feedDir));
  await atomicWriteFile(feedPathOf(feedDir), `${JSON.stringify(checked, null, 2)}\n`, ops);
}

export function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
