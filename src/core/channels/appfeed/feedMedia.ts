import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import type { MediaFile } from '../channelPost.ts';
import { atomicWriteFile } from './atomicWriteFile.ts';
import { describeError } from './jsonFeedDocument.ts';

/** The feed's images live in `<feedDir>/media`, served at `media/` beside the feed file. */
export const MEDIA_DIR = 'media';

/**
 * Image types the feed serves, by MIME type. Raster types only: an SVG served from the feed's
 * origin could run script in a browser that opens it directly.
 */
export const MEDIA_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** A media file name as the feed writes it: `<sha-256 hex>.<ext>`; nothing else is served. */
export const MEDIA_NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp)$/;

export function mediaNameOf(file: MediaFile): string | undefined {
  const ext = MEDIA_EXTENSIONS[file.mimeType.toLowerCase()];
  const hash = file.hash.toLowerCase();
  return ext !== undefined && /^[0-9a-f]{64}$/.test(hash) ? `${hash}.${ext}` : undefined;
}

/** The public address of a media file: `media/<name>` resolved against the feed's address. */
export function mediaUrlOf(feedUrl: string, name: string): string {
  return new URL(`${MEDIA_DIR}/${name}`, feedUrl).href;
}

export type MediaCopy =
  { ok: true; urls: ReadonlyMap<string, string> } | { ok: false; problem: ChannelProblem };

/**
 * Copies each image into `<feedDir>/media/<hash>.<ext>` (atomically; skipped when a file of
 * the same size is already there: names are content hashes) and returns each image's public
 * address by hash. The bytes are checked against the hash before they are written, so a name
 * always stands for its content. Never throws.
 */
export async function copyMedia(
  feedDir: string,
  feedUrl: string,
  images: readonly MediaFile[],
): Promise<MediaCopy> {
  const dir = join(feedDir, MEDIA_DIR);
  const urls = new Map<string, string>();
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    return { ok: false, problem: writeProblem(dir, error) };
  }
  for (const file of images) {
    const name = mediaNameOf(file);
    if (name === undefined) {
      return {
        ok: false,
        problem: problem(
          'appfeed',
          'appfeed.media-type',
          `图片“${file.fileName}”的格式（${file.mimeType}）不能用于客户端信息流。请换成 PNG、JPEG、GIF 或 WebP 格式的图片后再发布。`,
          `The image "${file.fileName}" (${file.mimeType}) cannot go into the app feed. Replace it with a PNG, JPEG, GIF or WebP image and publish again.`,
        ),
      };
    }
    const target = join(dir, name);
    const present = await stat(target).then(
      (s) => s.isFile() && s.size === file.byteLength,
      () => false,
    );
    if (!present) {
      let bytes: Buffer;
      try {
        bytes = await file.read();
      } catch (error) {
        return {
          ok: false,
          problem: problem(
            'appfeed',
            'appfeed.media-read',
            `无法读取素材库中的图片“${file.fileName}”。请在素材库中检查或重新上传这张图片，然后再发布。`,
            `Could not read the image "${file.fileName}" from the media library. Check or upload it again in the library, then publish again.`,
            describeError(error),
          ),
        };
      }
      if (createHash('sha256').update(bytes).digest('hex') !== file.hash.toLowerCase()) {
        return {
          ok: false,
          problem: problem(
            'appfeed',
            'appfeed.media-changed',
            `素材库中的图片“${file.fileName}”与登记的内容不一致（文件可能已损坏或被替换）。请重新上传这张图片，然后再发布。`,
            `The image "${file.fileName}" in the media library does not match what was recorded (the file may be damaged or replaced). Upload it again, then publish again.`,
          ),
        };
      }
      try {
        await atomicWriteFile(target, bytes);
      } catch (error) {
        return { ok: false, problem: writeProblem(dir, error) };
      }
    }
    urls.set(file.hash, mediaUrlOf(feedUrl, name));
    urls.set(file.hash.toLowerCase(), mediaUrlOf(feedUrl, name));
  }
  return { ok: true, urls };
}

/**
 * Removes media files that `keep` no longer mentions (by file name), among `candidates`: after
 * a withdrawal, its images stop being served unless another item still shows them. Best
 * effort; returns the names removed.
 */
export async function removeUnusedMedia(
  feedDir: string,
  candidates: readonly string[],
  keep: string,
): Promise<string[]> {
  const dir = join(feedDir, MEDIA_DIR);
  const present = new Set(await readdir(dir).catch(() => [] as string[]));
  const removed: string[] = [];
  for (const name of candidates) {
    if (!MEDIA_NAME.test(name) || !present.has(name) || keep.includes(name)) continue;
    await rm(join(dir, name), { force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/** The media file names an item's JSON mentions. */
export function mediaNamesIn(json: string): string[] {
  return [...new Set(json.match(/[0-9a-f]{64}\.(?:png|jpg|gif|webp)/g) ?? [])];
}

export function writeProblem(dir: string, error: unknown): ChannelProblem {
  return problem(
    'appfeed',
    'appfeed.write-failed',
    `无法写入客户端信息流文件夹（${dir}）。请检查该文件夹是否存在、是否有写入权限、磁盘是否已满，然后重试。`,
    `Could not write to the app feed folder (${dir}). Check that it exists, that PressDesk may write to it and that the disk is not full, then try again.`,
    describeError(error),
  );
}
