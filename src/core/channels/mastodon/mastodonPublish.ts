import { mastodonLength } from '../../content/render/mastodonLength.ts';
import type { Progress, PublishOutcome, RemoteRef } from '../adapter.ts';
import { problem } from '../channelProblem.ts';
import type { PostOf } from '../channelPost.ts';
import { MastodonStatusSchema, type MastodonStatus } from './mastodonApi.ts';
import {
  LOST_RETRY_MS,
  mastodonCall,
  mastodonFailure,
  mayHaveTakenEffect,
  type MastodonCallResult,
} from './mastodonCall.ts';
import { NO_TOKEN_PROBLEM, type MastodonContext } from './mastodonContext.ts';
import { instanceLimits, type InstanceLimits } from './mastodonInstance.ts';
import { forgetMediaReadiness, prepareMedia } from './mastodonMedia.ts';

/**
 * Progress note: when the earliest POST /api/v1/statuses that may have taken effect was sent
 * (ISO time), or '' when none is outstanding. Written before the request; cleared when that
 * request is refused for certain; reset by reconcile when it finds nothing.
 */
export const MASTODON_PENDING_SINCE = 'mastodon.pendingSince';

/**
 * How long after the earliest outstanding attempt a repeat is trusted to the Idempotency-Key.
 * Mastodon remembers a key for one hour from the status's creation (which is no earlier than
 * the attempt); 10 minutes are kept in hand for a difference between the clocks and for the
 * request's own time.
 */
export const KEY_WINDOW_MS = 50 * 60_000;

/** The Idempotency-Key of a publication: the same on every attempt, different for any other. */
export function idempotencyKey(post: PostOf<'mastodon'>): string {
  return `pressdesk-${post.key}`;
}

export function withinKeyWindow(since: string, now: Date): boolean {
  const at = Date.parse(since);
  return !Number.isNaN(at) && now.getTime() - at < KEY_WINDOW_MS;
}

/**
 * Publishes a status: the instance's limits (read once per adapter), the length by
 * mastodonLength and the number of attachments checked before anything is sent; the media
 * uploaded and processed (ids kept in progress); then POST /api/v1/statuses with the
 * publication's Idempotency-Key. Within KEY_WINDOW_MS of the earliest outstanding attempt a
 * repeat returns the original status, so a lost reply or a server error is `retry`; past it,
 * an earlier attempt may have landed unprotected, so the adapter answers `unknown` without
 * sending, for reconcile to look.
 */
export async function publishToMastodon(
  ctx: MastodonContext,
  post: PostOf<'mastodon'>,
  progress: Progress,
): Promise<PublishOutcome> {
  if (ctx.token === '') return { kind: 'failed', problem: NO_TOKEN_PROBLEM, reauthorize: true };
  const instance = await instanceLimits(ctx);
  if (!instance.ok) return instance.failure;
  const refused = checkPost(post, instance.limits);
  if (refused) return refused;

  const pendingBefore = progress.get()[MASTODON_PENDING_SINCE] ?? '';
  if (pendingBefore !== '' && !withinKeyWindow(pendingBefore, ctx.clock.now())) {
    return {
      kind: 'unknown',
      problem: problem(
        'mastodon',
        'mastodon.key-lapsed',
        '之前有一次发布尝试可能已经成功，而 Mastodon 防止重复发布的保护（一小时）已经过期。PressDesk 会先核对账号已发布的嘟文，在此之前请不要手动再发。',
        'An earlier attempt may have been published, and Mastodon’s protection against a double post (one hour) has lapsed. PressDesk checks the account’s posts first; do not post it by hand meanwhile.',
      ),
    };
  }
  const media = await prepareMedia(ctx, post.media, progress, instance.limits);
  if (!media.ok) return media.outcome;

  if (pendingBefore === '') {
    progress.save({ [MASTODON_PENDING_SINCE]: ctx.clock.now().toISOString() });
  }
  const result = await postStatus(ctx, post, media.ids);
  if (result.kind === 'ok') {
    return { kind: 'published', remote: mastodonRemote(result.value, post, media.ids) };
  }
  if (pendingBefore === '' && !mayHaveTakenEffect(result)) {
    progress.save({ [MASTODON_PENDING_SINCE]: '' });
  }
  if (result.kind === 'http-error' && result.status === 422 && /processing/i.test(result.said)) {
    forgetMediaReadiness(progress, post.media.length);
    return {
      kind: 'retry',
      afterMs: LOST_RETRY_MS,
      problem: problem(
        'mastodon',
        'mastodon.media-not-ready',
        'Mastodon 还在处理嘟文的图片，暂时不能发布。PressDesk 会稍后自动重试，无需处理。',
        'Mastodon is still processing the post’s images and cannot publish it yet. PressDesk will try again shortly by itself.',
        result.said,
      ),
    };
  }
  return mastodonFailure(result, true, ctx.clock.now());
}

/** POST /api/v1/statuses with the publication's Idempotency-Key. */
export function postStatus(
  ctx: MastodonContext,
  post: PostOf<'mastodon'>,
  mediaIds: readonly string[],
): Promise<MastodonCallResult<MastodonStatus>> {
  return mastodonCall(
    ctx.http,
    {
      method: 'POST',
      url: ctx.endpoint('/api/v1/statuses'),
      headers: ctx.headers({ 'idempotency-key': idempotencyKey(post) }),
      body: {
        type: 'json',
        value: {
          status: post.text,
          media_ids: mediaIds,
          visibility: ctx.settings.visibility,
          language: post.language.trim() || ctx.settings.language,
        },
      },
    },
    MastodonStatusSchema,
  );
}

/** Refusals decided before sending: too long for the instance, too many attachments. */
export function checkPost(
  post: PostOf<'mastodon'>,
  limits: InstanceLimits,
): Extract<PublishOutcome, { kind: 'failed' }> | null {
  if (post.media.length > limits.maxMedia) {
    return {
      kind: 'failed',
      reauthorize: false,
      problem: problem(
        'mastodon',
        'mastodon.too-many-media',
        `这条嘟文带有 ${post.media.length} 张图片，Mastodon 最多允许 ${limits.maxMedia} 张。请减少图片。`,
        `The post has ${post.media.length} images; Mastodon allows at most ${limits.maxMedia}. Remove some images.`,
      ),
    };
  }
  const length = mastodonLength(post.text);
  if (length > limits.maxCharacters) {
    return {
      kind: 'failed',
      reauthorize: false,
      problem: problem(
        'mastodon',
        'mastodon.too-long',
        `嘟文有 ${length} 字（每个链接按 23 字计），超过了这个实例 ${limits.maxCharacters} 字的上限。请在编辑器中缩短 Mastodon 文本。`,
        `The post counts ${length} characters (every link counting 23), over this instance's limit of ${limits.maxCharacters}. Shorten the Mastodon text in the editor.`,
      ),
    };
  }
  return null;
}

/**
 * Where a status lives: its id and public address (`url`, else `uri`), with the ids and file
 * hashes of its media in `extra` so that an edit can keep the attachments that did not change.
 */
export function mastodonRemote(
  status: MastodonStatus,
  post: PostOf<'mastodon'>,
  mediaIds: readonly string[],
): RemoteRef {
  const remote: RemoteRef = { remoteId: status.id, url: status.url ?? status.uri };
  if (mediaIds.length === 0) return remote;
  return {
    ...remote,
    extra: { mediaIds: mediaIds.join(','), mediaHashes: post.media.map((m) => m.hash).join(',') },
  };
}
