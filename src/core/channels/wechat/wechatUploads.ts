import type { MediaFile } from '../channelPost.ts';
import { problem } from '../channelProblem.ts';
import { AddMaterialReplySchema, UploadImgReplySchema } from './wechatApi.ts';
import { callWechat } from './wechatCall.ts';
import type { WechatContext } from './wechatContext.ts';
import type { CallFailure, WechatFailure } from './wechatRequest.ts';

/** UploadCache kinds: in-article image URL; cover material media_id and its URL. */
export const INLINE_KIND = 'wechat-inline';
export const COVER_KIND = 'wechat-cover';
export const COVER_URL_KIND = 'wechat-cover-url';

const UPLOAD_TIMEOUT_MS = 120_000;

export type Uploaded<T> = ({ ok: true } & T) | { ok: false; failure: CallFailure };

/**
 * Uploads the in-article images not yet uploaded for this account (media/uploadimg, safe to
 * repeat) and returns every image's mmbiz URL by content hash. One at a time: WeChat's
 * per-minute limits are per account, and a release has a handful of images.
 */
export async function uploadInlineImages(
  ctx: WechatContext,
  images: readonly MediaFile[],
): Promise<Uploaded<{ urls: ReadonlyMap<string, string> }>> {
  const urls = new Map<string, string>();
  for (const image of images) {
    if (urls.has(image.hash)) continue;
    const cached = ctx.uploads.get(image.hash, INLINE_KIND);
    if (cached !== undefined && cached !== '') {
      urls.set(image.hash, cached);
      continue;
    }
    const bytes = await readImage(image);
    if (!bytes.ok) return bytes;
    const result = await callWechat(ctx, {
      path: '/cgi-bin/media/uploadimg',
      body: { type: 'multipart', value: mediaForm(image, bytes.bytes) },
      schema: UploadImgReplySchema,
      repeatable: true,
      timeoutMs: UPLOAD_TIMEOUT_MS,
    });
    if (result.kind !== 'ok') return { ok: false, failure: namingImage(result, image, 'inline') };
    ctx.uploads.set(image.hash, INLINE_KIND, result.value.url);
    urls.set(image.hash, result.value.url);
  }
  return { ok: true, urls };
}

/**
 * The cover as a permanent image material (material/add_material type=image). Each call
 * creates a new material, so the media_id is cached by content hash and reused by every
 * release with the same cover; `fresh` skips a cached id that WeChat no longer knows
 * (40007: the material was deleted in the platform). Not safe to repeat: a lost reply is
 * unknown (the orphan material is harmless, but the rules of the house keep creates honest).
 */
export async function uploadCover(
  ctx: WechatContext,
  cover: MediaFile,
  fresh: boolean,
): Promise<Uploaded<{ mediaId: string; url: string | null; fromCache: boolean }>> {
  const cached = fresh ? undefined : ctx.uploads.get(cover.hash, COVER_KIND);
  if (cached !== undefined && cached !== '') {
    const url = ctx.uploads.get(cover.hash, COVER_URL_KIND);
    return {
      ok: true,
      mediaId: cached,
      url: url === undefined || url === '' ? null : url,
      fromCache: true,
    };
  }
  const bytes = await readImage(cover);
  if (!bytes.ok) return bytes;
  const result = await callWechat(ctx, {
    path: '/cgi-bin/material/add_material',
    query: { type: 'image' },
    body: { type: 'multipart', value: mediaForm(cover, bytes.bytes) },
    schema: AddMaterialReplySchema,
    repeatable: false,
    timeoutMs: UPLOAD_TIMEOUT_MS,
  });
  if (result.kind !== 'ok') return { ok: false, failure: namingImage(result, cover, 'cover') };
  const url = result.value.url ?? '';
  ctx.uploads.set(cover.hash, COVER_KIND, result.value.media_id);
  ctx.uploads.set(cover.hash, COVER_URL_KIND, url);
  return {
    ok: true,
    mediaId: result.value.media_id,
    url: url === '' ? null : url,
    fromCache: false,
  };
}

/** Forgets a cached cover material that WeChat no longer knows. */
export function forgetCover(ctx: WechatContext, cover: MediaFile): void {
  ctx.uploads.set(cover.hash, COVER_KIND, '');
  ctx.uploads.set(cover.hash, COVER_URL_KIND, '');
}

async function readImage(image: MediaFile): Promise<Uploaded<{ bytes: Buffer }>> {
  try {
    return { ok: true, bytes: await image.read() };
  } catch (error) {
    return {
      ok: false,
      failure: {
        kind: 'failed',
        reauthorize: false,
        problem: problem(
          'wechat',
          'wechat.image-unreadable',
          `无法读取图片“${image.fileName}”（媒体库中的文件可能已被移动或删除），没有提交。请在媒体库中重新添加这张图片后重新提交。`,
          `The image "${image.fileName}" could not be read (its file in the media library may have been moved or deleted); nothing was sent. Add the image to the media library again, then submit again.`,
          error instanceof Error ? error.message : String(error),
        ),
      },
    };
  }
}

/** The multipart body WeChat's upload APIs take: one file in the field `media`. */
function mediaForm(image: MediaFile, bytes: Buffer): FormData {
  const form = new FormData();
  form.append(
    'media',
    new Blob([new Uint8Array(bytes)], { type: image.mimeType }),
    uploadName(image),
  );
  return form;
}

/**
 * WeChat reads the type from the file name's extension; library names may be Chinese or
 * lack one, so the upload is named by hash with the extension of its type.
 */
export function uploadName(image: MediaFile): string {
  const ext =
    image.mimeType === 'image/png'
      ? 'png'
      : image.mimeType === 'image/gif'
        ? 'gif'
        : image.mimeType === 'image/jpeg'
          ? 'jpg'
          : 'bin';
  return `${image.hash.slice(0, 16)}.${ext}`;
}

/** A refused upload's problem names the image (40005 type, 40009 size). */
function namingImage(
  result: WechatFailure,
  image: MediaFile,
  use: 'inline' | 'cover',
): CallFailure {
  if (result.kind !== 'refused' || result.errorKind !== 'bad-file') return result.failure;
  const zhWhy = result.errcode === 40009 ? '图片过大' : '格式不被接受';
  const enWhy = result.errcode === 40009 ? 'too large' : 'type not accepted';
  const zhRule =
    use === 'inline'
      ? '正文图片只能是小于 1 MB 的 JPG 或 PNG'
      : '封面只能是不超过 10 MB 的 JPG、PNG 或 GIF';
  const enRule =
    use === 'inline'
      ? 'in-article images must be JPG or PNG under 1 MB'
      : 'the cover must be JPG, PNG or GIF up to 10 MB';
  return {
    kind: 'failed',
    reauthorize: false,
    problem: problem(
      'wechat',
      `wechat.${result.errcode}`,
      `微信拒绝了图片“${image.fileName}”（${zhWhy}）：${zhRule}。请压缩或更换这张图片后重新提交。`,
      `WeChat refused the image "${image.fileName}" (${enWhy}): ${enRule}. Compress or replace it, then submit again.`,
      `${result.errcode} ${result.errmsg}`,
    ),
  };
}
