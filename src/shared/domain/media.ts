import { z } from 'zod';
import { MediaHashSchema } from '../document/nodes.ts';

/** The largest image the library takes, and its size once base64-encoded for the contract. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;
export const MAX_MEDIA_BASE64_LENGTH = Math.ceil(MAX_MEDIA_BYTES / 3) * 4;

export const MediaItemSchema = z.object({
  hash: MediaHashSchema,
  mimeType: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp']),
  byteLength: z.number().int().positive(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  originalName: z.string(),
});
export type MediaItem = z.infer<typeof MediaItemSchema>;

/** Where the UI loads a library image from, on either host (same-origin, token-protected). */
export const mediaUrl = (hash: string): string => `/media/${hash}`;
