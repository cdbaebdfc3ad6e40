import { z } from 'zod';

/**
 * The shapes of the WeChat Official Account API's replies (shared/channels/wechat.md), as
 * far as PressDesk reads them. WeChat answers HTTP 200 for errors too: every body is first
 * read with WechatEnvelopeSchema (errcode 0 or absent: success), then with the call's own
 * schema. Fields PressDesk does not use are not listed (zod drops them).
 */

/** What every reply may carry: `errcode` non-zero means WeChat refused the call. */
export const WechatEnvelopeSchema = z.looseObject({
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
});

/** POST /cgi-bin/stable_token and GET /cgi-bin/token. */
export const TokenReplySchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/** POST /cgi-bin/media/uploadimg: the in-article image's address (http://mmbiz.qpic.cn/...). */
export const UploadImgReplySchema = z.object({ url: z.url() });

/** POST /cgi-bin/material/add_material: a new permanent material; url only for type=image. */
export const AddMaterialReplySchema = z.object({
  media_id: z.string().min(1),
  url: z.string().optional(),
});

/** POST /cgi-bin/draft/add. */
export const DraftAddReplySchema = z.object({ media_id: z.string().min(1) });

/** A numeric id that may arrive as a JSON number or a string of digits: kept as a string. */
const DigitsSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)])
  .transform((v) => String(v));

/** POST /cgi-bin/freepublish/submit: queued, not yet published. */
export const SubmitReplySchema = z.object({
  publish_id: DigitsSchema,
  msg_data_id: z.union([z.number(), z.string()]).optional(),
});

/**
 * POST /cgi-bin/freepublish/get. publish_status: 0 published, 1 publishing, 2 originality
 * check failed, 3 failed, 4 rejected by review, 5 deleted by the account, 6 banned by the
 * platform. A status outside 0..6 is an unexpected reply, not a guess.
 */
export const PublishStatusReplySchema = z.object({
  publish_id: DigitsSchema.optional(),
  publish_status: z.number().int().min(0).max(6),
  article_id: z.string().optional(),
  article_detail: z
    .object({
      count: z.number().int().nonnegative().optional(),
      item: z
        .array(z.object({ idx: z.number().int().optional(), article_url: z.string() }))
        .optional(),
    })
    .optional(),
  fail_idx: z.array(z.number().int()).optional(),
});
export type PublishStatusReply = z.infer<typeof PublishStatusReplySchema>;

/** One article of a published post (freepublish/batchget) or of a draft (draft/get). */
export const NewsItemSchema = z.object({
  title: z.string(),
  author: z.string().optional(),
  digest: z.string().optional(),
  content_source_url: z.string().optional(),
  thumb_media_id: z.string().optional(),
  thumb_url: z.string().optional(),
  url: z.string().optional(),
  is_deleted: z.boolean().optional(),
});
export type NewsItem = z.infer<typeof NewsItemSchema>;

/** POST /cgi-bin/freepublish/batchget: published posts, page by page. */
export const BatchgetReplySchema = z.object({
  total_count: z.number().int().nonnegative(),
  item_count: z.number().int().nonnegative(),
  item: z
    .array(
      z.object({
        article_id: z.string().min(1),
        content: z.object({ news_item: z.array(NewsItemSchema) }),
        /** Unix seconds. */
        update_time: z.number().int().nonnegative(),
      }),
    )
    .default([]),
});
export type BatchgetReply = z.infer<typeof BatchgetReplySchema>;
export type PublishedPost = BatchgetReply['item'][number];

/** POST /cgi-bin/draft/get: the draft, while it is still in the draft box. */
export const DraftGetReplySchema = z.object({ news_item: z.array(NewsItemSchema) });

/** Calls that answer nothing but errcode 0 (freepublish/delete). */
export const OkReplySchema = z.looseObject({});
