import { z } from 'zod';

/**
 * The shapes of the WordPress REST API's replies (wp/v2, WordPress 5.6+), as far as PressDesk
 * reads them. Every reply goes through parseJsonReply with one of these; fields PressDesk does
 * not use are not listed (zod drops them).
 */

/**
 * WordPress's error body `{code, message, data}`. `data` is usually `{status}`, with `params`
 * and `details` for rest_invalid_param and `term_id` for term_exists; it is null for errors
 * raised without data (empty_term_name), which WordPress then answers with HTTP 500.
 */
export const WpErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  data: z
    .object({
      status: z.number().int().optional(),
      /** rest_invalid_param: the refused parameters, each with WordPress's (translated) reason. */
      params: z.record(z.string(), z.unknown()).optional(),
      /** rest_invalid_param: each refused parameter's own error code. */
      details: z
        .record(
          z.string(),
          z.object({
            code: z.string(),
            data: z.object({ status: z.number().int().optional() }).nullable().optional(),
          }),
        )
        .optional(),
      /** term_exists: the id of the term that already has this name. */
      term_id: z.number().int().optional(),
    })
    .nullable()
    .optional(),
});
export type WpError = z.infer<typeof WpErrorSchema>;

/** GET /wp/v2/users/me?context=edit. `capabilities` and `roles` come only with context=edit. */
export const WpUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string().optional(),
  roles: z.array(z.string()).optional(),
  capabilities: z.record(z.string(), z.boolean()).optional(),
});
export type WpUser = z.infer<typeof WpUserSchema>;

/**
 * A post. `status` is publish, future (scheduled: WordPress publishes it itself at date_gmt),
 * draft, pending, private or trash; a trashed post's slug is renamed `<slug>__trashed`.
 */
export const WpPostSchema = z.object({
  id: z.number().int().positive(),
  link: z.string(),
  status: z.string(),
  slug: z.string(),
  date_gmt: z.string().nullable().optional(),
});
export type WpPost = z.infer<typeof WpPostSchema>;

export const WpPostListSchema = z.array(WpPostSchema);

/** DELETE /wp/v2/posts/<id>: the trashed post, or `{deleted, previous}` with force=true. */
export const WpDeletedSchema = z.union([
  WpPostSchema,
  z.object({ deleted: z.literal(true), previous: WpPostSchema }),
]);

/** An attachment (POST /wp/v2/media, POST /wp/v2/media/<id>). */
export const WpMediaSchema = z.object({
  id: z.number().int().positive(),
  source_url: z.string().min(1),
  alt_text: z.string().optional(),
  mime_type: z.string().optional(),
});
export type WpMedia = z.infer<typeof WpMediaSchema>;

/** A tag (wp/v2/tags). `name` comes HTML-escaped (`&amp;`). */
export const WpTagSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
});
export type WpTag = z.infer<typeof WpTagSchema>;

export const WpTagListSchema = z.array(WpTagSchema);
