/**
 * The government portal adapter: the WordPress REST API (wp/v2, WordPress 5.6+), HTTP Basic
 * with the account's user name and an application password, the REST root found from the
 * home page's Link rel="https://api.w.org/" header. See /shared/channels/wordpress.md.
 *
 * Repeat safety, per call:
 * - publish (POST /wp/v2/posts): NOT safe to repeat. WordPress has no idempotency key; a
 *   repeated create makes a second post (its slug silently renamed `<slug>-2`). Each
 *   publication sends a deterministic slug (`pd-<key>`) and notes in its progress that a
 *   create is about to be sent; every later attempt, and `reconcile`, looks that slug up first
 *   (authenticated, every status short of the trash). Image uploads and tag creation before it
 *   are repeated freely: a duplicate is an unused library file, and a tag is found by name.
 * - update (POST /wp/v2/posts/<id>): safe: it sets the same fields to the same values.
 * - retract (DELETE /wp/v2/posts/<id>, to the trash): safe: a second one answers 410
 *   rest_already_trashed, and a post already deleted for good 404 rest_post_invalid_id; both
 *   count as done.
 */
import type { Message } from '../../../shared/content/finding.ts';
import type {
  ChangeOutcome,
  ChannelAdapter,
  PublishOutcome,
  ReconcileOutcome,
  RemoteRef,
  RepeatSafety,
  VerifyOutcome,
} from '../adapter.ts';
import { memoryProgress, type Progress } from '../adapter.ts';
import type { AdapterOptions } from '../adapterOptions.ts';
import type { PostOf } from '../channelPost.ts';
import { problem } from '../channelProblem.ts';
import { NO_PASSWORD_PROBLEM, portalContext, type PortalContext } from './portalContext.ts';
import { lookUpSlug } from './portalLookup.ts';
import { uploadImages } from './portalMedia.ts';
import { portalRemote, postOutcome } from './portalPostOutcome.ts';
import { imageUrlOf, POST_ID, publishToPortal, trashedProblem } from './portalPublish.ts';
import { portalSlug } from './portalSlug.ts';
import { tagIds } from './portalTags.ts';
import { WpDeletedSchema, WpPostSchema, WpUserSchema } from './wordpressApi.ts';
import { wpCall, wpFailure } from './wordpressCall.ts';

export const PORTAL_REPEAT_SAFETY: RepeatSafety = {
  publish: {
    safe: false,
    why: 'WordPress has no idempotency key: a repeated create makes a second post (slug renamed <slug>-2). Each publication sends the slug pd-<key>, and once a create may have been sent, later attempts and reconcile look that slug up before creating again.',
  },
  update: {
    safe: true,
    why: 'POST /wp/v2/posts/<id> sets the same title, content, excerpt, cover and tags again; repeating it changes nothing more (images are uploaded once, cached by hash).',
  },
  retract: {
    safe: true,
    why: 'DELETE moves the post to the trash; a second one answers 410 rest_already_trashed and a post deleted for good 404 rest_post_invalid_id, both counted as done.',
  },
};

export function createPortalAdapter(options: AdapterOptions<'portal'>): ChannelAdapter<'portal'> {
  const ctx = portalContext(options);
  return {
    channel: 'portal',
    repeatSafety: PORTAL_REPEAT_SAFETY,
    verify: () => verify(ctx),
    publish: (post, progress) => publishToPortal(ctx, post, progress),
    status: (remote) => status(ctx, remote),
    update: (remote, post) => update(ctx, remote, post),
    retract: (remote) => retract(ctx, remote),
    reconcile: (post, progress) => reconcile(ctx, post, progress),
  };
}

/**
 * GET /wp/v2/users/me?context=edit: the credentials work, and the user may publish posts
 * (capability publish_posts). A user who may not upload files passes with a warning: releases
 * with images will fail.
 */
async function verify(ctx: PortalContext): Promise<VerifyOutcome> {
  if (ctx.authorization === null) {
    return { ok: false, problem: NO_PASSWORD_PROBLEM, reauthorize: true };
  }
  const me = await wpCall(
    ctx,
    { method: 'GET', route: 'wp/v2/users/me', query: { context: 'edit' } },
    WpUserSchema,
  );
  if (me.kind !== 'ok') {
    const failure = wpFailure(me, true, ctx.clock.now());
    return {
      ok: false,
      problem: failure.problem,
      reauthorize: failure.kind === 'failed' && failure.reauthorize,
    };
  }
  const user = me.value;
  const roles = user.roles?.join(', ') ?? '';
  const root = await ctx.root();
  const details: Message[] = [
    {
      zh: `WordPress 用户：${user.name}（ID ${user.id}${roles === '' ? '' : `，角色 ${roles}`}）`,
      en: `WordPress user: ${user.name} (id ${user.id}${roles === '' ? '' : `, roles ${roles}`})`,
    },
  ];
  if (root.ok) {
    details.push({ zh: `REST API 地址：${root.root.href}`, en: `REST API: ${root.root.href}` });
  }
  const caps = user.capabilities;
  if (caps === undefined) {
    details.push({
      zh: '未能读取用户权限，无法确认能否发布文章。',
      en: 'Could not read the user’s capabilities, so publishing rights are not confirmed.',
    });
  } else if (caps['publish_posts'] !== true) {
    return {
      ok: false,
      reauthorize: false,
      problem: problem(
        'portal',
        'portal.cannot-publish',
        `WordPress 用户“${user.name}”没有发布文章的权限（publish_posts）${roles === '' ? '' : `，当前角色：${roles}`}。请站点管理员给它“编辑”或“作者”角色，或换用有发布权限的用户。`,
        `The WordPress user "${user.name}" may not publish posts (publish_posts)${roles === '' ? '' : `; its roles: ${roles}`}. Ask the site's administrator to give it the Editor or Author role, or use a user who may publish.`,
        `capabilities.publish_posts: ${String(caps['publish_posts'] ?? false)}`,
      ),
    };
  } else if (caps['upload_files'] !== true) {
    details.push({
      zh: '警告：该用户不能上传文件（upload_files），带图片的稿件将无法发布。',
      en: 'Warning: the user may not upload files (upload_files); releases with images will fail.',
    });
  }
  return { ok: true, accountName: user.name, details };
}

/** GET the post: published or scheduled → published; held → pending; trashed or gone → failed. */
async function status(ctx: PortalContext, remote: RemoteRef): Promise<PublishOutcome> {
  const got = await wpCall(
    ctx,
    { method: 'GET', route: `wp/v2/posts/${remoteId(remote)}`, query: { context: 'edit' } },
    WpPostSchema,
  );
  if (got.kind !== 'ok') return wpFailure(got, true, ctx.clock.now());
  const outcome = postOutcome(got.value);
  return outcome.kind === 'published'
    ? { kind: 'published', remote: portalRemote(got.value, remote.extra) }
    : outcome;
}

/**
 * POST /wp/v2/posts/<id> with the title, content, excerpt, cover and tags (images uploaded as
 * needed, cached by hash). A post in the trash is refused: WordPress would edit it there,
 * unseen.
 */
async function update(
  ctx: PortalContext,
  remote: RemoteRef,
  post: PostOf<'portal'>,
): Promise<ChangeOutcome> {
  if (ctx.authorization === null) {
    return { kind: 'failed', problem: NO_PASSWORD_PROBLEM, reauthorize: true };
  }
  const id = remoteId(remote);
  const current = await wpCall(
    ctx,
    { method: 'GET', route: `wp/v2/posts/${id}`, query: { context: 'edit' } },
    WpPostSchema,
  );
  if (current.kind !== 'ok') return wpFailure(current, true, ctx.clock.now());
  if (current.value.status === 'trash') {
    return { kind: 'failed', problem: trashedProblem(current.value), reauthorize: false };
  }
  const files = [...(post.cover ? [post.cover] : []), ...post.images];
  const uploaded = await uploadImages(ctx, files, memoryProgress());
  if (!uploaded.ok) return uploaded.failure;
  const tags = await tagIds(ctx, post.tags);
  if (!tags.ok) return tags.failure;
  const cover = post.cover ? uploaded.images.get(post.cover.hash) : undefined;
  const updated = await wpCall(
    ctx,
    {
      method: 'POST',
      route: `wp/v2/posts/${id}`,
      body: {
        type: 'json',
        value: {
          title: post.title,
          content: post.html(imageUrlOf(uploaded.images)),
          excerpt: post.excerpt,
          featured_media: cover?.id ?? 0,
          tags: tags.ids,
        },
      },
    },
    WpPostSchema,
  );
  if (updated.kind !== 'ok') return wpFailure(updated, true, ctx.clock.now());
  return { kind: 'done', remote: portalRemote(updated.value, remote.extra) };
}

/**
 * DELETE /wp/v2/posts/<id>: to the trash, where an editor can still restore it. Already in the
 * trash (410 rest_already_trashed) is done; so is a post that no longer exists (404
 * rest_post_invalid_id): it was deleted for good on the site, nothing of it is public.
 */
async function retract(ctx: PortalContext, remote: RemoteRef): Promise<ChangeOutcome> {
  const deleted = await wpCall(
    ctx,
    { method: 'DELETE', route: `wp/v2/posts/${remoteId(remote)}` },
    WpDeletedSchema,
  );
  if (deleted.kind === 'ok') {
    const post = 'previous' in deleted.value ? deleted.value.previous : deleted.value;
    return { kind: 'done', remote: portalRemote(post, remote.extra) };
  }
  if (
    deleted.kind === 'wp-error' &&
    (deleted.errorKind === 'already-trashed' || deleted.errorKind === 'not-found')
  ) {
    return { kind: 'done', remote };
  }
  return wpFailure(deleted, true, ctx.clock.now());
}

/**
 * After an `unknown` publish: the slug looked up (authenticated, every status short of the
 * trash). Found → that post's outcome. Found only in the trash as `<slug>__trashed` → the
 * attempt landed and someone trashed the post since: undetermined, because publishing again
 * would bring back what a person removed and calling it published would be false. Nowhere →
 * absent. A failed lookup → undetermined.
 */
async function reconcile(
  ctx: PortalContext,
  post: PostOf<'portal'>,
  progress: Progress,
): Promise<ReconcileOutcome> {
  if (ctx.authorization === null) return { kind: 'undetermined', problem: NO_PASSWORD_PROBLEM };
  const found = await lookUpSlug(ctx, portalSlug(post.key));
  switch (found.kind) {
    case 'found': {
      const outcome = postOutcome(found.post);
      if (outcome.kind === 'published' || outcome.kind === 'pending') {
        progress.save({ [POST_ID]: String(found.post.id) });
        return { kind: 'found', outcome };
      }
      return { kind: 'undetermined', problem: outcome.problem };
    }
    case 'trashed':
      return { kind: 'undetermined', problem: trashedProblem(found.post) };
    case 'absent':
      return { kind: 'absent' };
    case 'failed':
      return { kind: 'undetermined', problem: found.failure.problem };
    default: {
      const never: never = found;
      throw new Error(`unhandled slug lookup ${JSON.stringify(never)}`);
    }
  }
}

/** The post id, which goes into the route: only ever the digits this adapter recorded. */
function remoteId(remote: RemoteRef): string {
  if (!/^\d+$/.test(remote.remoteId)) {
    throw new Error(
      `portal: remote id ${JSON.stringify(remote.remoteId)} is not a WordPress post id`,
    );
  }
  return remote.remoteId;
}
