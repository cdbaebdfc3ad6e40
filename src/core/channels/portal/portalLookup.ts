import type { PortalContext } from './portalContext.ts';
import { trashedSlug } from './portalSlug.ts';
import { WpPostListSchema, type WpPost } from './wordpressApi.ts';
import { wpCall, type WpFailure } from './wordpressCall.ts';

/**
 * Every status a post of ours can have short of the trash. WordPress's `GET posts?slug=`
 * returns published posts only unless asked for more, and a status list needs authentication
 * (anonymous: 400 rest_invalid_param, details rest_forbidden_status).
 */
export const LOOKUP_STATUSES = 'publish,future,draft,pending,private';

/**
 * Where a publication's slug stands on the site:
 * - found: a post with exactly this slug (the first, by id, should there be several);
 * - trashed: no such post, but one renamed `<slug>__trashed` is in the trash: an attempt landed
 *   and someone moved the post to the trash since;
 * - absent: neither: no attempt landed.
 */
export type SlugLookup =
  | { kind: 'found'; post: WpPost }
  | { kind: 'trashed'; post: WpPost }
  | { kind: 'absent' }
  | { kind: 'failed'; failure: WpFailure };

export async function lookUpSlug(ctx: PortalContext, slug: string): Promise<SlugLookup> {
  const live = await findBySlug(ctx, slug, LOOKUP_STATUSES);
  if (live.kind !== 'absent') return live;
  const trashed = await findBySlug(ctx, trashedSlug(slug), 'trash');
  return trashed.kind === 'found' ? { kind: 'trashed', post: trashed.post } : trashed;
}

async function findBySlug(
  ctx: PortalContext,
  slug: string,
  status: string,
): Promise<Exclude<SlugLookup, { kind: 'trashed' }>> {
  const result = await wpCall(
    ctx,
    {
      method: 'GET',
      route: 'wp/v2/posts',
      query: { slug, status, context: 'edit', per_page: '10', orderby: 'id', order: 'asc' },
    },
    WpPostListSchema,
  );
  if (result.kind !== 'ok') return { kind: 'failed', failure: result };
  const post = result.value.find((p) => p.slug === slug);
  return post ? { kind: 'found', post } : { kind: 'absent' };
}
