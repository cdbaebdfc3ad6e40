/**
 * The Mastodon adapter (REST API of the account's instance, Bearer access token with the
 * write:statuses and write:media scopes). See shared/channels/mastodon.md.
 *
 * Repeat safety, per call:
 * - publish (POST /api/v1/statuses): safe to repeat within KEY_WINDOW_MS (50 minutes) of the
 *   earliest attempt that may have landed, thanks to the publication's Idempotency-Key, which
 *   Mastodon remembers for one hour and answers with the original status. The time of that
 *   attempt is kept in progress; past the window the adapter sends nothing and answers
 *   `unknown`, and reconcile reads the account's statuses. Media uploads are repeatable: an
 *   unused attachment is removed by the server.
 * - update (PUT /api/v1/statuses/:id, Mastodon 3.5+): safe to repeat: the same edit twice
 *   leaves the same status (with one more entry in its edit history).
 * - retract (DELETE /api/v1/statuses/:id): safe to repeat: a second delete answers 404, which
 *   counts as done.
 */
import type { Message } from '../../../shared/content/finding.ts';
import type {
  ChangeOutcome,
  ChannelAdapter,
  PublishOutcome,
  RemoteRef,
  RepeatSafety,
  VerifyOutcome,
} from '../adapter.ts';
import { memoryProgress } from '../adapter.ts';
import type { AdapterOptions } from '../adapterOptions.ts';
import { problem } from '../channelProblem.ts';
import type { PostOf } from '../channelPost.ts';
import {
  MastodonAccountSchema,
  MastodonDeletedSchema,
  MastodonStatusSchema,
} from './mastodonApi.ts';
import { mastodonCall, mastodonFailure } from './mastodonCall.ts';
import { NO_TOKEN_PROBLEM, mastodonContext, type MastodonContext } from './mastodonContext.ts';
import { instanceLimits } from './mastodonInstance.ts';
import { mediaNote, prepareMedia } from './mastodonMedia.ts';
import { checkPost, mastodonRemote, publishToMastodon } from './mastodonPublish.ts';
import { reconcileMastodon } from './mastodonReconcile.ts';

export const MASTODON_REPEAT_SAFETY: RepeatSafety = {
  publish: {
    safe: true,
    why: 'Every attempt carries the publication’s Idempotency-Key, which Mastodon remembers for an hour and answers with the original status; after 50 minutes the adapter no longer repeats and answers unknown instead.',
  },
  update: {
    safe: true,
    why: 'An edit sets the whole text and media: repeating it leaves the same status.',
  },
  retract: {
    safe: true,
    why: 'Deleting a status that is already gone answers 404, which counts as done.',
  },
};

export function createMastodonAdapter(
  options: AdapterOptions<'mastodon'>,
): ChannelAdapter<'mastodon'> {
  const ctx = mastodonContext(options);
  return {
    channel: 'mastodon',
    repeatSafety: MASTODON_REPEAT_SAFETY,
    verify: () => verify(ctx),
    publish: (post, progress) => publishToMastodon(ctx, post, progress),
    status: (remote) => status(ctx, remote),
    update: (remote, post) => update(ctx, remote, post),
    retract: (remote) => retract(ctx, remote),
    reconcile: (post, progress) => reconcileMastodon(ctx, post, progress),
  };
}

/**
 * GET /api/v1/accounts/verify_credentials (the account, as "@acct"), then the instance's
 * limits (GET /api/v2/instance), reported in `details`.
 */
async function verify(ctx: MastodonContext): Promise<VerifyOutcome> {
  if (ctx.token === '') return { ok: false, problem: NO_TOKEN_PROBLEM, reauthorize: true };
  const account = await mastodonCall(
    ctx.http,
    {
      method: 'GET',
      url: ctx.endpoint('/api/v1/accounts/verify_credentials'),
      headers: ctx.headers(),
    },
    MastodonAccountSchema,
  );
  if (account.kind !== 'ok') return verifyFailure(mastodonFailure(account, true, ctx.clock.now()));
  const instance = await instanceLimits(ctx);
  if (!instance.ok) return verifyFailure(instance.failure);
  const { limits } = instance;
  const host = new URL(ctx.settings.instanceUrl).host;
  const details: Message[] = [
    {
      zh: `实例：${host}${limits.version ? `（Mastodon ${limits.version}）` : ''}`,
      en: `Instance: ${host}${limits.version ? ` (Mastodon ${limits.version})` : ''}`,
    },
    {
      zh: `每条嘟文最多 ${limits.maxCharacters} 字，每个链接按 23 字计。`,
      en: `At most ${limits.maxCharacters} characters a post, every link counting as 23.`,
    },
    {
      zh: `每条嘟文最多 ${limits.maxMedia} 张图片。`,
      en: `At most ${limits.maxMedia} ${limits.maxMedia === 1 ? 'image' : 'images'} a post.`,
    },
  ];
  if (limits.assumed) {
    details.push({
      zh: '该实例没有提供 /api/v2/instance（Mastodon 4.0 之前的版本），按默认上限计算。',
      en: 'The instance has no /api/v2/instance (Mastodon before 4.0), so the default limits are assumed.',
    });
  }
  return { ok: true, accountName: `@${account.value.acct}`, details };
}

function verifyFailure(failure: ReturnType<typeof mastodonFailure>): VerifyOutcome {
  return {
    ok: false,
    problem: failure.problem,
    reauthorize: failure.kind === 'failed' && failure.reauthorize,
  };
}

/** Mastodon publishes at once; this confirms the status still exists (GET /api/v1/statuses/:id). */
async function status(ctx: MastodonContext, remote: RemoteRef): Promise<PublishOutcome> {
  if (ctx.token === '') return { kind: 'failed', problem: NO_TOKEN_PROBLEM, reauthorize: true };
  const result = await mastodonCall(
    ctx.http,
    { method: 'GET', url: statusUrl(ctx, remote), headers: ctx.headers() },
    MastodonStatusSchema,
  );
  if (result.kind === 'ok') {
    return {
      kind: 'published',
      remote: { ...remote, url: result.value.url ?? result.value.uri },
    };
  }
  if (result.kind === 'http-error' && result.status === 404) {
    return { kind: 'failed', problem: goneProblem(remote), reauthorize: false };
  }
  return mastodonFailure(result, true, ctx.clock.now());
}

/**
 * PUT /api/v1/statuses/:id with the whole new text and media. Attachments whose file did not
 * change (same hash at the same position, per remote.extra) are kept by id with their
 * description updated (media_attributes); others are uploaded and processed first.
 */
async function update(
  ctx: MastodonContext,
  remote: RemoteRef,
  post: PostOf<'mastodon'>,
): Promise<ChangeOutcome> {
  if (ctx.token === '') return { kind: 'failed', problem: NO_TOKEN_PROBLEM, reauthorize: true };
  const instance = await instanceLimits(ctx);
  if (!instance.ok) return instance.failure;
  const refused = checkPost(post, instance.limits);
  if (refused) return refused;
  const keptIds = remote.extra?.['mediaIds']?.split(',') ?? [];
  const keptHashes = remote.extra?.['mediaHashes']?.split(',') ?? [];
  const known: Record<string, string> = {};
  keptIds.forEach((id, i) => {
    const note = mediaNote(i);
    Object.assign(known, { [note.id]: id, [note.hash]: keptHashes[i] ?? '', [note.ready]: '1' });
  });
  const media = await prepareMedia(ctx, post.media, memoryProgress(known), instance.limits);
  if (!media.ok) return media.outcome;
  const result = await mastodonCall(
    ctx.http,
    {
      method: 'PUT',
      url: statusUrl(ctx, remote),
      headers: ctx.headers(),
      body: {
        type: 'json',
        value: {
          status: post.text,
          media_ids: media.ids,
          media_attributes: media.ids.map((id, i) => ({
            id,
            description: post.media[i]?.alt ?? '',
          })),
          language: post.language.trim() || ctx.settings.language,
        },
      },
    },
    MastodonStatusSchema,
  );
  if (result.kind === 'ok') {
    return { kind: 'done', remote: mastodonRemote(result.value, post, media.ids) };
  }
  if (result.kind === 'http-error' && result.status === 404) {
    return { kind: 'failed', problem: goneProblem(remote), reauthorize: false };
  }
  return mastodonFailure(result, true, ctx.clock.now());
}

/** DELETE /api/v1/statuses/:id; 404 (already gone) is done. */
async function retract(ctx: MastodonContext, remote: RemoteRef): Promise<ChangeOutcome> {
  if (ctx.token === '') return { kind: 'failed', problem: NO_TOKEN_PROBLEM, reauthorize: true };
  const result = await mastodonCall(
    ctx.http,
    { method: 'DELETE', url: statusUrl(ctx, remote), headers: ctx.headers() },
    MastodonDeletedSchema,
  );
  if (result.kind === 'ok') return { kind: 'done', remote };
  if (result.kind === 'http-error' && result.status === 404) return { kind: 'done', remote };
  return mastodonFailure(result, true, ctx.clock.now());
}

function statusUrl(ctx: MastodonContext, remote: RemoteRef): URL {
  return ctx.endpoint(`/api/v1/statuses/${encodeURIComponent(remote.remoteId)}`);
}

function goneProblem(remote: RemoteRef) {
  const where = remote.url ?? `ID ${remote.remoteId}`;
  return problem(
    'mastodon',
    'mastodon.gone',
    `这条嘟文（${where}）在 Mastodon 上已不存在，可能已被删除。如仍需发布，请重新发布。`,
    `The post (${where}) no longer exists on Mastodon; it may have been deleted. Publish it again if it is still needed.`,
  );
}
