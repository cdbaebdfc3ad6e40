import { z } from 'zod';

const HttpUrl = z.url({ protocol: /^https?$/ });
/** RFC 3339 date-time with an offset or Z, as JSON Feed 1.1 requires. */
const Rfc3339 = z.iso.datetime({ offset: true });

/**
 * A JSON Feed 1.1 item (https://jsonfeed.org/version/1.1), as the district app reads it: `id`
 * required and stable forever, `content_html` or `content_text` required, dates RFC 3339.
 * Extensions (keys starting with "_") are allowed; other unknown keys are not.
 */
export const JsonFeedItemSchema = z
  .looseObject({
    id: z.string().min(1),
    url: HttpUrl.optional(),
    external_url: HttpUrl.optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: HttpUrl.optional(),
    banner_image: HttpUrl.optional(),
    date_published: Rfc3339.optional(),
    date_modified: Rfc3339.optional(),
    authors: z
      .array(
        z.object({
          name: z.string().min(1).optional(),
          url: HttpUrl.optional(),
          avatar: HttpUrl.optional(),
        }),
      )
      .optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
  })
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, {
    message: 'A JSON Feed item needs content_html or content_text.',
  })
  .refine((item) => Object.keys(item).every((key) => KNOWN_KEYS.has(key) || key.startsWith('_')), {
    message: 'Unknown JSON Feed item field (extensions must start with "_").',
  });
export type JsonFeedItem = z.infer<typeof JsonFeedItemSchema>;

const KNOWN_KEYS = new Set([
  'id',
  'url',
  'external_url',
  'title',
  'content_html',
  'content_text',
  'summary',
  'image',
  'banner_image',
  'date_published',
  'date_modified',
  'authors',
  'tags',
  'language',
  'attachments',
]);
