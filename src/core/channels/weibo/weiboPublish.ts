import { URL_IN_TEXT } from '../../content/render/urlPattern.ts';
import { WEIBO_MAX_LENGTH, weiboLength } from '../../content/render/weiboLength.ts';
import type { Progress, PublishOutcome } from '../adapter.ts';
import type { HttpBody } from '../channelHttp.ts';
import { problem } from '../channelProblem.ts';
import type { MediaFile, PostOf } from '../channelPost.ts';
import { WeiboStatusSchema } from './weiboApi.ts';
import { weiboCall, weiboFailure } from './weiboCall.ts';
import { NO_TOKEN_PROBLEM, type WeiboContext } from './weiboContext.ts';
import { weiboRemote } from './weiboRemote.ts';

/**
 * Progress note: when the earliest attempt that may have reached Weibo was sent (ISO time),
 * or '' when none is outstanding. Written before share.json is sent; cleared when that
 * attempt is answered with a definite "not created"; read by reconcile, which must look back
 * in the timeline at least that far before it may answer `absent`.
 */
export const WEIBO_PENDING_SINCE = 'weibo.pendingSince';

/** Weibo takes JPEG, GIF and PNG under 5 MB for `pic`. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/gif', 'image/png']);
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Uploading an image may take longer than the default 30 s. */
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * statuses/share.json. Everything Weibo would refuse for the post itself (no link, over 140,
 * a wrong image) fails here before anything is sent. Not safe to repeat: a lost reply is
 * `unknown`, and so is a duplicate-content answer (20017/20019/20111), which after a lost
 * reply means the earlier attempt most likely landed.
 */
export async function publishToWeibo(
  ctx: WeiboContext,
  post: PostOf<'weibo'>,
  progress: Progress,
): Promise<PublishOutcome> {
  if (ctx.token === '') return { kind: 'failed', problem: NO_TOKEN_PROBLEM, reauthorize: true };
  if (!hasLink(post.text)) {
    return {
      kind: 'failed',
      reauthorize: false,
      problem: problem(
        'weibo',
        'weibo.no-link',
        '微博文本中没有链接。微博要求正文含有应用安全域名下的链接（错误 10017），否则拒绝发布。请在微博文本中保留发布稿在门户网站上的链接。',
        'The Weibo text has no link. Weibo refuses a post without a link under one of the app’s safe domains (error 10017). Keep the release’s portal link in the Weibo text.',
      ),
    };
  }
  const length = weiboLength(post.text);
  if (length > WEIBO_MAX_LENGTH) {
    return {
      kind: 'failed',
      reauthorize: false,
      problem: problem(
        'weibo',
        'weibo.too-long',
        `微博文本按微博的规则计为 ${length} 字，超过了 ${WEIBO_MAX_LENGTH} 字的上限。请在编辑器中缩短微博文本。`,
        `The Weibo text counts ${length} characters by Weibo’s rule, over the limit of ${WEIBO_MAX_LENGTH}. Shorten the Weibo text in the editor.`,
      ),
    };
  }
  const fields: Record<string, string> = { access_token: ctx.token, status: post.text };
  if (ctx.settings.clientIp !== '') fields['rip'] = ctx.settings.clientIp;
  let body: HttpBody = { type: 'form', value: fields };
  if (post.image) {
    const image = await readImage(post.image);
    if (!image.ok) return image.outcome;
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set(
      'pic',
      new Blob([new Uint8Array(image.bytes)], { type: post.image.mimeType }),
      post.image.fileName,
    );
    body = { type: 'multipart', value: form };
  }

  const pendingBefore = progress.get()[WEIBO_PENDING_SINCE] ?? '';
  if (pendingBefore === '') progress.save({ [WEIBO_PENDING_SINCE]: ctx.clock.now().toISOString() });
  const result = await weiboCall(
    ctx.http,
    {
      method: 'POST',
      url: ctx.endpoint('statuses/share.json'),
      body,
      timeoutMs: post.image ? UPLOAD_TIMEOUT_MS : undefined,
    },
    WeiboStatusSchema,
  );
  if (result.kind === 'ok') return { kind: 'published', remote: weiboRemote(result.value) };
  const outcome = weiboFailure(result, false, ctx.clock.now());
  // A definite "not created" leaves nothing for reconcile to find from this attempt.
  if (pendingBefore === '' && outcome.kind !== 'unknown') {
    progress.save({ [WEIBO_PENDING_SINCE]: '' });
  }
  return outcome;
}

function hasLink(text: string): boolean {
  return [...text.matchAll(URL_IN_TEXT)].length > 0;
}

type ImageRead =
  { ok: true; bytes: Buffer } | { ok: false; outcome: Extract<PublishOutcome, { kind: 'failed' }> };

async function readImage(image: MediaFile): Promise<ImageRead> {
  const refuse = (code: string, zh: string, en: string, said?: string): ImageRead => ({
    ok: false,
    outcome: { kind: 'failed', reauthorize: false, problem: problem('weibo', code, zh, en, said) },
  });
  if (!IMAGE_TYPES.has(image.mimeType)) {
    return refuse(
      'weibo.image-type',
      `配图“${image.fileName}”的格式（${image.mimeType}）微博不接受：只能用 JPEG、GIF 或 PNG。请更换配图。`,
      `Weibo does not take the image "${image.fileName}" (${image.mimeType}): only JPEG, GIF or PNG. Replace the image.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await image.read();
  } catch (error) {
    return refuse(
      'weibo.image-unreadable',
      `无法读取配图“${image.fileName}”（文件可能已被移动或删除）。请在媒体库中重新选择配图。`,
      `The image "${image.fileName}" could not be read (the file may have been moved or deleted). Choose the image again from the media library.`,
      error instanceof Error ? error.message : String(error),
    );
  }
  if (bytes.length >= MAX_IMAGE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return refuse(
      'weibo.image-too-large',
      `配图“${image.fileName}”有 ${mb} MB，微博只接受小于 5 MB 的图片。请压缩或更换配图。`,
      `The image "${image.fileName}" is ${mb} MB; Weibo takes images under 5 MB. Compress or replace the image.`,
    );
  }
  return { ok: true, bytes };
}
