import type { Progress } from '../adapter.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import type { MediaFile } from '../channelPost.ts';
import { MastodonMediaSchema } from './mastodonApi.ts';
import { mastodonCall, mastodonFailure, type CallFailure } from './mastodonCall.ts';
import type { MastodonContext } from './mastodonContext.ts';
import type { InstanceLimits } from './mastodonInstance.ts';

/** Polls of GET /api/v1/media/:id within one attempt before answering "later". */
export const MEDIA_MAX_POLLS = 20;
/** Wait between polls. */
export const MEDIA_POLL_INTERVAL_MS = 1_500;
/** Wait before the next attempt when processing is still not done. */
export const MEDIA_PROCESSING_RETRY_MS = 60_000;
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Progress notes of the media of one publication, by position: the media id, the hash of the
 * file it was made from (a different file at that position is uploaded anew), and '1' once
 * processed.
 */
export const mediaNote = (index: number) => ({
  id: `mastodon.media.${index}`,
  hash: `mastodon.media.${index}.hash`,
  ready: `mastodon.media.${index}.ready`,
});

export type MediaReady = { ok: true; ids: string[] } | { ok: false; outcome: CallFailure };

/**
 * Uploads each file (POST /api/v2/media, multipart `file` and `description`) unless progress
 * already holds its id, then waits for processing (202 at upload; GET /api/v1/media/:id
 * answers 206 while processing, 200 when ready), at most MEDIA_MAX_POLLS polls. Each id is
 * saved before the next request, so a later attempt continues. Uploads are safe to repeat:
 * a media attachment no status uses is removed by the server after a day, so a lost upload
 * leaves at worst an orphan. Not cached across publications (UploadCache): an attachment
 * belongs to one status only.
 */
export async function prepareMedia(
  ctx: MastodonContext,
  files: readonly MediaFile[],
  progress: Progress,
  limits: InstanceLimits,
): Promise<MediaReady> {
  const ids: string[] = [];
  for (const [index, file] of files.entries()) {
    const note = mediaNote(index);
    const notes = progress.get();
    let id = notes[note.hash] === file.hash ? (notes[note.id] ?? '') : '';
    let ready = id !== '' && notes[note.ready] === '1';
    if (id === '') {
      const uploaded = await upload(ctx, file, limits);
      if (!uploaded.ok) return uploaded;
      id = uploaded.id;
      ready = uploaded.ready;
      progress.save({ [note.id]: id, [note.hash]: file.hash, [note.ready]: ready ? '1' : '' });
    }
    if (!ready) {
      const polled = await waitForProcessing(ctx, file, id);
      if (!polled.ok) {
        // A media the server no longer has is uploaded again next time.
        if (polled.gone) progress.save({ [note.id]: '', [note.ready]: '' });
        return { ok: false, outcome: polled.outcome };
      }
      progress.save({ [note.ready]: '1' });
    }
    ids.push(id);
  }
  return { ok: true, ids };
}

/** Marks every media of the publication as needing a processing check again. */
export function forgetMediaReadiness(progress: Progress, count: number): void {
  const patch: Record<string, string> = {};
  for (let i = 0; i < count; i++) patch[mediaNote(i).ready] = '';
  progress.save(patch);
}

async function upload(
  ctx: MastodonContext,
  file: MediaFile,
  limits: InstanceLimits,
): Promise<{ ok: true; id: string; ready: boolean } | { ok: false; outcome: CallFailure }> {
  const refuse = (code: string, zh: string, en: string, said?: string) => ({
    ok: false as const,
    outcome: {
      kind: 'failed' as const,
      reauthorize: false,
      problem: problem('mastodon', code, zh, en, said),
    },
  });
  if (limits.supportedMimeTypes && !limits.supportedMimeTypes.includes(file.mimeType)) {
    return refuse(
      'mastodon.media-type',
      `这个 Mastodon 实例不接受图片“${file.fileName}”的格式（${file.mimeType}）。请换成 JPEG 或 PNG 图片。`,
      `This Mastodon instance does not take the format of "${file.fileName}" (${file.mimeType}). Use a JPEG or PNG image instead.`,
    );
  }
  if (
    limits.imageSizeLimit !== null &&
    file.mimeType.startsWith('image/') &&
    file.byteLength > limits.imageSizeLimit
  ) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return refuse(
      'mastodon.media-too-large',
      `图片“${file.fileName}”有 ${mb(file.byteLength)} MB，超过了这个 Mastodon 实例 ${mb(limits.imageSizeLimit)} MB 的上限。请压缩或更换图片。`,
      `The image "${file.fileName}" is ${mb(file.byteLength)} MB, over this Mastodon instance's limit of ${mb(limits.imageSizeLimit)} MB. Compress or replace the image.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await file.read();
  } catch (error) {
    return refuse(
      'mastodon.media-unreadable',
      `无法读取图片“${file.fileName}”（文件可能已被移动或删除）。请在媒体库中重新选择图片。`,
      `The image "${file.fileName}" could not be read (the file may have been moved or deleted). Choose the image again from the media library.`,
      error instanceof Error ? error.message : String(error),
    );
  }
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type: file.mimeType }), file.fileName);
  if (file.alt.trim() !== '') form.set('description', file.alt);
  const result = await mastodonCall(
    ctx.http,
    {
      method: 'POST',
      url: ctx.endpoint('/api/v2/media'),
      headers: ctx.headers(),
      body: { type: 'multipart', value: form },
      timeoutMs: UPLOAD_TIMEOUT_MS,
    },
    MastodonMediaSchema,
  );
  if (result.kind === 'ok') {
    return { ok: true, id: result.value.id, ready: result.status === 200 };
  }
  if (result.kind === 'http-error' && (result.status === 422 || result.status === 413)) {
    return refuse(
      'mastodon.media-refused',
      `Mastodon 拒绝了图片“${file.fileName}”：${result.said || `HTTP ${result.status}`}。请更换图片后重新发布。`,
      `Mastodon refused the image "${file.fileName}": ${result.said || `HTTP ${result.status}`}. Replace the image and publish again.`,
      result.said || undefined,
    );
  }
  return { ok: false, outcome: mastodonFailure(result, true, ctx.clock.now()) };
}

async function waitForProcessing(
  ctx: MastodonContext,
  file: MediaFile,
  id: string,
): Promise<{ ok: true } | { ok: false; gone: boolean; outcome: CallFailure }> {
  for (let poll = 0; poll < MEDIA_MAX_POLLS; poll++) {
    await ctx.sleep(MEDIA_POLL_INTERVAL_MS);
    const result = await mastodonCall(
      ctx.http,
      {
        method: 'GET',
        url: ctx.endpoint(`/api/v1/media/${encodeURIComponent(id)}`),
        headers: ctx.headers(),
      },
      MastodonMediaSchema,
    );
    if (result.kind === 'ok') {
      if (result.status === 200) return { ok: true };
      continue; // 206: still processing
    }
    if (result.kind === 'http-error' && result.status === 404) {
      return {
        ok: false,
        gone: true,
        outcome: {
          kind: 'retry',
          afterMs: 1_000,
          problem: mediaProblem(
            file,
            'mastodon.media-gone',
            '在服务器上已不存在，PressDesk 会重新上传。',
            'is no longer on the server; PressDesk will upload it again.',
            result.said,
          ),
        },
      };
    }
    return { ok: false, gone: false, outcome: mastodonFailure(result, true, ctx.clock.now()) };
  }
  return {
    ok: false,
    gone: false,
    outcome: {
      kind: 'retry',
      afterMs: MEDIA_PROCESSING_RETRY_MS,
      problem: mediaProblem(
        file,
        'mastodon.media-processing',
        '仍在 Mastodon 服务器上处理中，PressDesk 会稍后继续发布，无需处理。',
        'is still being processed by the Mastodon server; PressDesk will continue later by itself.',
      ),
    },
  };
}

function mediaProblem(
  file: MediaFile,
  code: string,
  zh: string,
  en: string,
  said?: string,
): ChannelProblem {
  return problem(
    'mastodon',
    code,
    `图片“${file.fileName}”${zh}`,
    `The image "${file.fileName}" ${en}`,
    said,
  );
}
