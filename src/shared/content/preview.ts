import { z } from 'zod';
import { FindingSchema } from './finding.ts';
import { JsonFeedItemSchema } from './jsonFeedItemSchema.ts';

/**
 * Previews render library images from this origin. The renderers require absolute http(s)
 * image URLs (what the channels receive after upload), so previews use this reserved,
 * never-resolving base (RFC 2606 .invalid) and the UI maps it to its own /media/<hash>.
 */
export const PREVIEW_MEDIA_BASE = 'https://media.pressdesk.invalid/';
/** Stands for the release's portal address, which exists only once the portal has published it. */
export const PREVIEW_PORTAL_URL = 'https://portal.pressdesk.invalid/release';

/** WeChat's own fields of an article, derived from the draft (title ≤ 32, digest ≤ 128). */
export const WECHAT_TITLE_MAX = 32;
export const WECHAT_DIGEST_DEFAULT = 54;

export const DraftPreviewSchema = z.object({
  /** The draft version the preview was made from. */
  version: z.number().int().positive(),
  portal: z.object({
    title: z.string(),
    html: z.string(),
    characters: z.number(),
    utf8Bytes: z.number(),
  }),
  wechat: z.object({
    title: z.string(),
    digest: z.string(),
    author: z.string(),
    html: z.string(),
    characters: z.number(),
    utf8Bytes: z.number(),
    fits: z.boolean(),
  }),
  weibo: z.object({
    text: z.string(),
    length: z.number(),
    maxLength: z.number(),
    fits: z.boolean(),
    cut: z.boolean(),
  }),
  mastodon: z.object({
    text: z.string(),
    length: z.number(),
    maxCharacters: z.number(),
    fits: z.boolean(),
    cut: z.boolean(),
  }),
  feed: z.object({ item: JsonFeedItemSchema }),
  /** The pre-publish checks over the draft and these outputs, in document order. */
  findings: z.array(FindingSchema),
});
export type DraftPreview = z.infer<typeof DraftPreviewSchema>;
