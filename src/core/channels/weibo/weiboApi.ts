import { z } from 'zod';

/**
 * The shapes of Weibo's replies (API v2), as far as PressDesk reads them. Every reply goes
 * through parseJsonReply with one of these; fields PressDesk does not use are not listed
 * (zod drops them).
 */

/** Weibo's error body: HTTP 400 (403 for some authorisation errors). */
export const WeiboErrorSchema = z.object({
  request: z.string().optional(),
  error_code: z.number().int(),
  error: z.string(),
});
export type WeiboError = z.infer<typeof WeiboErrorSchema>;

/** The author of a status, as embedded in it (absent with trim_user=1). */
export const WeiboUserSchema = z.object({
  id: z.number().int(),
  idstr: z.string().optional(),
  screen_name: z.string().optional(),
});

/**
 * A status. `idstr` is the id to keep (the numeric `id` is near the limit of a JSON number);
 * `text` carries links shortened to http://t.cn/...; `created_at` is in Weibo's own format
 * (see weiboDate.ts).
 */
export const WeiboStatusSchema = z.object({
  id: z.union([z.number(), z.string()]),
  idstr: z.string().regex(/^\d+$/),
  mid: z.string().regex(/^\d+$/).optional(),
  text: z.string(),
  created_at: z.string(),
  user: WeiboUserSchema.nullish(),
});
export type WeiboStatus = z.infer<typeof WeiboStatusSchema>;

/** statuses/user_timeline.json: the account's own statuses, newest first. */
export const WeiboTimelineSchema = z.object({
  statuses: z.array(WeiboStatusSchema),
  total_number: z.number().int().nonnegative().optional(),
});

/** account/get_uid.json. */
export const WeiboUidSchema = z.object({ uid: z.number().int().positive() });

/** users/show.json. */
export const WeiboUserShowSchema = z.object({
  id: z.number().int(),
  screen_name: z.string(),
});
