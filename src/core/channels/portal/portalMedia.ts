import type { Progress } from '../adapter.ts';
import type { MediaFile } from '../channelPost.ts';
import { problem } from '../channelProblem.ts';
import type { PortalContext } from './portalContext.ts';
import { WpMediaSchema } from './wordpressApi.ts';
import { wpCall, wpFailure, type CallFailure } from './wordpressCall.ts';
import { contentDisposition, safeUploadName } from './uploadFileName.ts';

/** An image as the site has it: the attachment id and its public address. */
export interface UploadedImage {
  id: number;
  url: string;
}

/** The UploadCache kind of WordPress attachments; the value is `<id> <source_url>`. */
export const MEDIA_CACHE_KIND = 'wp-media';
/** The progress note of one uploaded image, by content hash. */
export const mediaProgressKey = (hash: string): string => `wp.media.${hash}`;

const UPLOAD_TIMEOUT_MS = 120_000;

export type UploadResult =
  { ok: true; images: ReadonlyMap<string, UploadedImage> } | { ok: false; failure: CallFailure };

function parseStored(value: string | undefined): UploadedImage | null {
  const match = value === undefined ? null : /^(\d+) (\S.*)$/.exec(value);
  if (!match) return null;
  return { id: Number(match[1]), url: match[2] ?? '' };
}

/**
 * Uploads each image (by hash, once) that neither this publication's progress nor the
 * account's upload cache already has, and records it in both, so a later attempt does not
 * upload it again. The alt text goes with the upload (`?alt_text=`); when the reply shows it
 * was not taken, it is set with POST /wp/v2/media/<id>. An image is recorded only once its alt
 * text is set.
 *
 * Not idempotent, and treated as safe to repeat all the same: an upload whose reply was lost
 * may have made an attachment, and uploading again makes a second one, an unused file in the
 * media library, never a second public post.
 */
export async function uploadImages(
  ctx: PortalContext,
  files: readonly MediaFile[],
  progress: Progress,
): Promise<UploadResult> {
  const images = new Map<string, UploadedImage>();
  for (const file of files) {
    if (images.has(file.hash)) continue;
    const noted = parseStored(progress.get()[mediaProgressKey(file.hash)]);
    if (noted) {
      images.set(file.hash, noted);
      continue;
    }
    const cached = parseStored(ctx.uploads.get(file.hash, MEDIA_CACHE_KIND));
    if (cached) {
      progress.save({ [mediaProgressKey(file.hash)]: `${cached.id} ${cached.url}` });
      images.set(file.hash, cached);
      continue;
    }
    const uploaded = await uploadOne(ctx, file);
    if (!uploaded.ok) return uploaded;
    const value = `${uploaded.image.id} ${uploaded.image.url}`;
    progress.save({ [mediaProgressKey(file.hash)]: value });
    ctx.uploads.set(file.hash, MEDIA_CACHE_KIND, value);
    images.set(file.hash, uploaded.image);
  }
  return { ok: true, images };
}

async function uploadOne(
  ctx: PortalContext,
  file: MediaFile,
): Promise<{ ok: true; image: UploadedImage } | { ok: false; failure: CallFailure }> {
  let bytes: Buffer;
  try {
    bytes = await file.read();
  } catch (error) {
    return {
      ok: false,
      failure: {
        kind: 'failed',
        reauthorize: false,
        problem: problem(
          'portal',
          'portal.image-unreadable',
          `无法从素材库读取图片“${file.fileName}”，文章没有发出。请在素材库中检查或重新上传这张图片。`,
          `The image "${file.fileName}" could not be read from the library; nothing was published. Check the image in the library, or add it again.`,
          error instanceof Error ? error.message : String(error),
        ),
      },
    };
  }
  const alt = file.alt.trim();
  const name = safeUploadName(file.fileName, file.mimeType);
  const created = await wpCall(
    ctx,
    {
      method: 'POST',
      route: 'wp/v2/media',
      query: alt === '' ? {} : { alt_text: alt },
      body: {
        type: 'raw',
        value: bytes,
        contentType: file.mimeType,
        headers: { 'content-disposition': contentDisposition(name) },
      },
      timeoutMs: UPLOAD_TIMEOUT_MS,
    },
    WpMediaSchema,
  );
  if (created.kind !== 'ok') {
    return { ok: false, failure: wpFailure(created, true, ctx.clock.now()) };
  }
  const media = created.value;
  if (alt !== '' && (media.alt_text ?? '') !== alt) {
    const described = await wpCall(
      ctx,
      {
        method: 'POST',
        route: `wp/v2/media/${media.id}`,
        body: { type: 'json', value: { alt_text: alt } },
      },
      WpMediaSchema,
    );
    if (described.kind !== 'ok') {
      return { ok: false, failure: wpFailure(described, true, ctx.clock.now()) };
    }
  }
  return { ok: true, image: { id: media.id, url: media.source_url } };
}
