import type { PublishOutcome, RemoteRef } from '../adapter.ts';
import { problem } from '../channelProblem.ts';
import type { WpPost } from './wordpressApi.ts';

/** How long to wait before asking again about a post the site holds for review. */
export const REVIEW_CHECK_MS = 15 * 60_000;

/** Where a post lives: its id, its link, and its status and slug as WordPress reported them. */
export function portalRemote(post: WpPost, extra?: RemoteRef['extra']): RemoteRef {
  return {
    remoteId: String(post.id),
    url: post.link === '' ? null : post.link,
    extra: { ...extra, status: post.status, slug: post.slug },
  };
}

/**
 * What a post's status means for the outbox:
 * - publish: published;
 * - future: published as well: WordPress itself publishes a scheduled post at its date_gmt
 *   (by WP-Cron), nothing more is asked of PressDesk;
 * - pending / draft: the site holds it (an editorial plugin, or a user who may only submit):
 *   pending, asked again later;
 * - private, trash, anything else: not public, and WordPress will not make it so by itself:
 *   failed, a person looks.
 */
export function postOutcome(post: WpPost): PublishOutcome {
  const remote = portalRemote(post);
  switch (post.status) {
    case 'publish':
    case 'future':
      return { kind: 'published', remote };
    case 'pending':
    case 'draft':
      return {
        kind: 'pending',
        remote,
        checkAfterMs: REVIEW_CHECK_MS,
        problem: problem(
          'portal',
          'portal.held-for-review',
          `门户网站收到了文章（ID ${post.id}），但把它保存为“${post.status === 'draft' ? '草稿' : '待审'}”，尚未公开。请站点编辑在 WordPress 后台审核发布；PressDesk 会稍后再查看。`,
          `The portal received the post (id ${post.id}) but keeps it as ${post.status}, not public yet. A site editor must publish it in WordPress; PressDesk checks again later.`,
          `status: ${post.status}`,
        ),
      };
    case 'trash':
      return {
        kind: 'failed',
        reauthorize: false,
        problem: problem(
          'portal',
          'portal.trashed',
          `门户网站上的这篇文章（ID ${post.id}）已被移到回收站，不再公开。如需恢复，请在 WordPress 后台“文章 → 回收站”中还原。`,
          `The post on the portal (id ${post.id}) was moved to the trash and is no longer public. To bring it back, restore it in WordPress under Posts → Trash.`,
          `status: ${post.status}`,
        ),
      };
    default:
      return {
        kind: 'failed',
        reauthorize: false,
        problem: problem(
          'portal',
          'portal.not-public',
          `门户网站上的这篇文章（ID ${post.id}）状态为“${post.status}”，没有公开。请在 WordPress 后台查看并处理。`,
          `The post on the portal (id ${post.id}) has the status "${post.status}" and is not public. Look at it in WordPress.`,
          `status: ${post.status}`,
        ),
      };
  }
}
