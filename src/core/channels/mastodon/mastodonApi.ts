import { z } from 'zod';

/**
 * The shapes of Mastodon's replies, as far as PressDesk reads them. Every reply goes through
 * parseJsonReply with one of these; fields PressDesk does not use are not listed.
 */

/** Mastodon's error body: 401, 403, 404, 422, 429 and most 5xx from the app itself. */
export const MastodonErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/** GET /api/v1/accounts/verify_credentials. */
export const MastodonAccountSchema = z.object({
  id: z.string().min(1),
  username: z.string(),
  acct: z.string(),
  url: z.string().optional(),
});

/**
 * GET /api/v2/instance (Mastodon 4.0+). The status limit is required; the media limits are
 * read when present.
 */
export const MastodonInstanceSchema = z.object({
  domain: z.string().optional(),
  version: z.string().optional(),
  configuration: z.object({
    statuses: z.object({
      max_characters: z.number().int().positive(),
      max_media_attachments: z.number().int().positive().optional(),
    }),
    media_attachments: z
      .object({
        supported_mime_types: z.array(z.string()).optional(),
        image_size_limit: z.number().int().positive().optional(),
      })
      .optional(),
  }),
});

/** A MediaAttachment: `url` is null while the server is still processing it. */
export const MastodonMediaSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  url: z.string().nullable(),
  description: z.string().nullable().optional(),
});

/** A Status: `content` is HTML; `url` may be null (then `uri` is its address). */
export const MastodonStatusSchema = z.object({
  id: z.string().min(1),
  uri: z.string(),
  url: z.string().nullable().optional(),
  created_at: z.string(),
  content: z.string(),
  media_attachments: z.array(MastodonMediaSchema).optional(),
});
export type MastodonStatus = z.infer<typeof MastodonStatusSchema>;

export const MastodonStatusListSchema = z.array(MastodonStatusSchema);

/** What DELETE answers: the deleted status (with its source text); only the id is read. */
export const MastodonDeletedSchema = z.object({ id: z.string() });
