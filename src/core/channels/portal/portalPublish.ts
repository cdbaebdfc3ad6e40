import type { Progress, PublishOutcome } from '../adapter.ts';
import type { MediaFile, PostOf } from '../channelPost.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { NO_PASSWORD_PROBLEM, type PortalContext } from './portalContext.ts';
import { lookUpSlug } from './portalLookup.ts';
import { uploadImages, type UploadedImage } from './portalMedia.ts';
import { postOutcome } from './portalPostOutcome.ts';
import { portalSlug, wpDateGmt } from './portalSlug.ts';
import { tagIds } from './portalTags.ts';
import { WpPostSchema, type WpPost } from './wordpressApi.ts';
import { wpCall, wpFailure } from './wordpressCall.ts';

/**
 * The progress note written just before the create is sent (its value: when). While it is
 * there, every later attempt looks the slug up before creating, so a create whose reply was
 * lost is found instead of repeated.
 */
export const CREATE_SENT = 'wp.createSent';
/** The progress note of the created post's id. */
export const POST_ID = 'wp.postId';

/**
 * Publishes one release as a WordPress post:
 * 1. when an earlier attempt may have sent the create, look the slug up: found → published;
 *    found in the trash → failed (a person decides); lookup failed → its outcome;
 * 2. upload the cover and the images (once each: progress, then the account's cache);
 * 3. find or create the tags;
 * 4. note CREATE_SENT, then POST /wp/v2/posts with status publish and the deterministic slug
 *    (and date_gmt when publishAt is in the future: WordPress answers status future).
 * A lost or unreadable reply to the create is `unknown` (reconcile looks the slug up); server
 * errors and rate limits are `retry`, which is safe because the next attempt looks first.
 */
export async function publishToPortal(
  ctx: PortalContext,
  post: PostOf<'portal'>,
  progress: Progress,
): Promise<PublishOutcome> {
  if (ctx.authorization === null) {
    return { kind: 'failed', problem: NO_PASSWORD_PROBLEM, reauthorize: true };
  }
  const slug = portalSlug(post.key);
  if (progress.get()[CREATE_SENT] !== undefined) {
    const earlier = await lookUpSlug(ctx, slug);
    switch (earlier.kind) {
      case 'found':
        progress.save({ [POST_ID]: String(earlier.post.id) });
        return postOutcome(earlier.post);
      case 'trashed':
        return { kind: 'failed', problem: trashedProblem(earlier.post), reauthorize: false };
      case 'failed':
        return wpFailure(earlier.failure, true, ctx.clock.now());
      case 'absent':
        break;
      default: {
        const never: never = earlier;
        throw new Error(`unhandled slug lookup ${JSON.stringify(never)}`);
      }
    }
  }

  const files = [...(post.cover ? [post.cover] : []), ...post.images];
  const uploaded = await uploadImages(ctx, files, progress);
  if (!uploaded.ok) return uploaded.failure;
  const tags = await tagIds(ctx, post.tags);
  if (!tags.ok) return tags.failure;

  const now = ctx.clock.now();
  const body: Record<string, unknown> = {
    title: post.title,
    content: post.html(imageUrlOf(uploaded.images)),
    excerpt: post.excerpt,
    status: 'publish',
    slug,
    tags: tags.ids,
    featured_media: post.cover ? imageOf(uploaded.images, post.cover).id : 0,
  };
  if (ctx.settings.categories.length > 0) body['categories'] = ctx.settings.categories;
  // A moment already past is published now, not back-dated.
  if (post.publishAt !== null && post.publishAt.getTime() > now.getTime()) {
    body['date_gmt'] = wpDateGmt(post.publishAt);
  }

  progress.save({ [CREATE_SENT]: now.toISOString() });
  const created = await wpCall(
    ctx,
    { method: 'POST', route: 'wp/v2/posts', body: { type: 'json', value: body } },
    WpPostSchema,
  );
  if (created.kind !== 'ok') return wpFailure(created, false, ctx.clock.now());
  progress.save({ [POST_ID]: String(created.value.id) });
  return postOutcome(created.value);
}

/** The URL of each image the release's HTML refers to; an image not uploaded is a defect. */
export function imageUrlOf(images: ReadonlyMap<string, UploadedImage>): (hash: string) => string {
  return (hash) => {
    const image = images.get(hash);
    if (!image)
      throw new Error(`portal: image ${hash} is in the HTML but not among the post's images`);
    return image.url;
  };
}

function imageOf(images: ReadonlyMap<string, UploadedImage>, file: MediaFile): UploadedImage {
  const image = images.get(file.hash);
  if (!image) throw new Error(`portal: image ${file.hash} was not uploaded`);
  return image;
}

/**
 * An earlier attempt landed and its post was moved to the trash since (by someone on the
 * site): publishing again would bring back what a person removed, so a person decides.
 */
export function trashedProblem(post: WpPost): ChannelProblem {
  return problem(
    'portal',
    'portal.landed-then-trashed',
    `这篇稿件此前已发到门户网站（文章 ID ${post.id}），之后在网站上被移到了回收站。PressDesk 不会自动再发一次。如需公开，请在 WordPress 后台“文章 → 回收站”中还原它；如不需要，请在 PressDesk 中将本次发布标记为已撤回。`,
    `An earlier attempt of this release reached the portal (post id ${post.id}) and the post was moved to the trash on the site since. PressDesk does not publish it again by itself. To make it public, restore it in WordPress under Posts → Trash; if it should stay removed, mark this publication as retracted in PressDesk.`,
    `slug: ${post.slug}, status: ${post.status}`,
  );
}
