/**
 * The portal adapter against a real WordPress (Debian's package, started by
 * `bash scripts/wordpress.sh setup`, which writes the credentials file read here). Without
 * that file the suite is skipped, except under CI, where it fails: CI must run the real thing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoryProgress, type RemoteRef } from '../../../../src/core/channels/adapter.ts';
import { memoryUploadCache } from '../../../../src/core/channels/adapterOptions.ts';
import { channelHttp } from '../../../../src/core/channels/channelHttp.ts';
import { createPortalAdapter } from '../../../../src/core/channels/portal/portalAdapter.ts';
import { discoverRoot } from '../../../../src/core/channels/portal/portalContext.ts';
import { CREATE_SENT } from '../../../../src/core/channels/portal/portalPublish.ts';
import { systemClock } from '../../../../src/core/clock.ts';
import { solidPng } from '../../../fixtures/images.ts';
import { IN_CI, realWordpress, WORDPRESS_SETUP_HINT } from '../../../fixtures/realWordpress.ts';
import { mediaFile, portalPost } from './portalTestKit.ts';

const real = await realWordpress();

if (!real.ok && IN_CI) {
  describe('portal adapter against a real WordPress', () => {
    it('needs a running WordPress under CI', () => {
      throw new Error(
        `The real WordPress is not available: ${real.why}. Before the tests, ${WORDPRESS_SETUP_HINT}.`,
      );
    });
  });
}

describe.skipIf(!real.ok)(
  `portal adapter against a real WordPress${real.ok ? '' : ` (skipped: ${real.why}; ${WORDPRESS_SETUP_HINT})`}`,
  () => {
    const credentials = real.ok ? real.value : { url: '', username: '', applicationPassword: '' };
    const run = randomBytes(4).toString('hex');
    const created: { posts: number[]; media: number[] } = { posts: [], media: [] };
    const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.applicationPassword}`).toString('base64')}`;

    const adapter = () =>
      createPortalAdapter({
        settings: {
          channel: 'portal',
          siteUrl: credentials.url,
          username: credentials.username,
          categories: [],
        },
        secrets: { applicationPassword: credentials.applicationPassword },
        clock: systemClock,
        uploads: memoryUploadCache(),
      });

    /** A REST call made by the test itself, to read back what the adapter did. */
    async function rest(
      method: 'GET' | 'DELETE',
      route: string,
      query: Record<string, string> = {},
    ): Promise<{ status: number; json: unknown }> {
      const root = await discoverRoot(channelHttp('portal'), credentials.url);
      if (!root.ok) throw new Error(`no REST root: ${root.failure.problem.message.en}`);
      const response = await fetch(root.root.url(route, query), {
        method,
        headers: { authorization },
      });
      return { status: response.status, json: await response.json() };
    }

    const PostSchema = z.object({
      id: z.number(),
      slug: z.string(),
      status: z.string(),
      featured_media: z.number(),
      title: z.object({ raw: z.string() }),
      content: z.object({ raw: z.string() }),
      tags: z.array(z.number()),
    });
    const readPost = async (id: string | number) =>
      PostSchema.parse((await rest('GET', `wp/v2/posts/${id}`, { context: 'edit' })).json);
    const MediaSchema = z.object({ id: z.number(), source_url: z.string(), alt_text: z.string() });

    /** Posts whose text holds this token, any status but trash. */
    async function postsWith(token: string): Promise<Array<{ id: number; slug: string }>> {
      const found = await rest('GET', 'wp/v2/posts', {
        search: token,
        status: 'publish,future,draft,pending,private',
        context: 'edit',
        per_page: '100',
      });
      return z.array(z.object({ id: z.number(), slug: z.string() })).parse(found.json);
    }

    const remember = (remote: RemoteRef) => created.posts.push(Number(remote.remoteId));

    afterAll(async () => {
      if (!real.ok) return;
      for (const id of created.posts) await rest('DELETE', `wp/v2/posts/${id}`, { force: 'true' });
      for (const id of created.media) await rest('DELETE', `wp/v2/media/${id}`, { force: 'true' });
    });

    it('verify: the application password works and the user may publish', async () => {
      const outcome = await adapter().verify();
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.accountName).toBe(credentials.username);
      expect(outcome.details.map((d) => d.en)).toContainEqual(
        expect.stringMatching(/^REST API: http:\/\/\S+(\?rest_route=\/|\/wp-json\/)$/),
      );
      expect(outcome.details.map((d) => d.zh)).toContainEqual(
        expect.stringMatching(/^REST API 地址：http:\/\//),
      );
    });

    it('publishes a post with images and tags, readable back through the REST API', async () => {
      const token = `pdreal${run}a`;
      const photo = mediaFile(
        solidPng(6, 4, [10, 200, 30]),
        'image/png',
        `现场照片 ${run}.png`,
        '植树现场',
      );
      const cover = mediaFile(
        solidPng(8, 5, [200, 10, 90]),
        'image/png',
        `cover-${run}.png`,
        '封面',
      );
      const post = portalPost({
        key: `real-${run}-a`,
        title: `真实站点测试 ${token}`,
        images: [photo],
        cover,
        tags: [`植树${run}`, 'PressDesk'],
      });

      const outcome = await adapter().publish(post, memoryProgress());

      expect(outcome.kind).toBe('published');
      if (outcome.kind !== 'published') return;
      remember(outcome.remote);
      const back = await readPost(outcome.remote.remoteId);
      expect(back.slug).toBe(`pd-real-${run}-a`);
      expect(back.status).toBe('publish');
      expect(back.title.raw).toBe(`真实站点测试 ${token}`);
      expect(back.featured_media).toBeGreaterThan(0);
      created.media.push(back.featured_media);
      const coverMedia = MediaSchema.parse(
        (await rest('GET', `wp/v2/media/${back.featured_media}`)).json,
      );
      expect(coverMedia.alt_text).toBe('封面');
      const src = /<img src="([^"]+)" alt="植树现场">/.exec(back.content.raw)?.[1];
      expect(src).toBeDefined();
      const list = z
        .array(MediaSchema)
        .parse(
          (await rest('GET', 'wp/v2/media', { search: `现场照片 ${run}`, per_page: '10' })).json,
        );
      const photoMedia = list.find((m) => m.source_url === src);
      expect(photoMedia?.alt_text).toBe('植树现场');
      if (photoMedia) created.media.push(photoMedia.id);
      const image = await fetch(src ?? '');
      expect(image.status).toBe(200);
      expect(Buffer.from(await image.arrayBuffer()).equals(solidPng(6, 4, [10, 200, 30]))).toBe(
        true,
      );
      const tags = z
        .array(z.object({ id: z.number(), name: z.string() }))
        .parse(
          (await rest('GET', 'wp/v2/tags', { include: back.tags.join(','), per_page: '10' })).json,
        );
      expect(tags.map((t) => t.name).sort()).toEqual(['PressDesk', `植树${run}`].sort());
    });

    it('schedules a post: WordPress answers future, and reconcile finds it', async () => {
      const token = `pdreal${run}b`;
      const post = portalPost({
        key: `real-${run}-b`,
        title: `定时发布 ${token}`,
        images: [],
        cover: null,
        tags: [],
        publishAt: new Date(Date.now() + 86_400_000),
      });
      const outcome = await adapter().publish(post, memoryProgress());
      expect(outcome.kind).toBe('published');
      if (outcome.kind !== 'published') return;
      remember(outcome.remote);
      expect(outcome.remote.extra?.['status']).toBe('future');
      expect((await readPost(outcome.remote.remoteId)).status).toBe('future');

      const reconciled = await adapter().reconcile(post, memoryProgress({ [CREATE_SENT]: 'x' }));
      expect(reconciled.kind).toBe('found');
      expect(reconciled.kind === 'found' && reconciled.outcome.remote.remoteId).toBe(
        outcome.remote.remoteId,
      );
    });

    it('updates a post, then retracts it (trash), and retracting again is done', async () => {
      const token = `pdreal${run}c`;
      const post = portalPost({
        key: `real-${run}-c`,
        title: `更新 ${token}`,
        images: [],
        cover: null,
        tags: [],
      });
      const published = await adapter().publish(post, memoryProgress());
      expect(published.kind).toBe('published');
      if (published.kind !== 'published') return;
      remember(published.remote);

      const updated = await adapter().update(published.remote, {
        ...post,
        title: `更新后 ${token}`,
        tags: [`更正${run}`],
      });
      expect(updated.kind).toBe('done');
      const back = await readPost(published.remote.remoteId);
      expect(back.title.raw).toBe(`更新后 ${token}`);
      expect(back.tags).toHaveLength(1);

      expect((await adapter().retract(published.remote)).kind).toBe('done');
      const trashed = await readPost(published.remote.remoteId);
      expect(trashed.status).toBe('trash');
      expect(trashed.slug).toBe(`pd-real-${run}-c__trashed`);
      expect((await adapter().retract(published.remote)).kind).toBe('done');
      const status = await adapter().status(published.remote);
      expect(status.kind === 'failed' && status.problem.code).toBe('portal.trashed');
    });

    it('after a lost reply: reconcile finds the post, and publishing again makes no second one', async () => {
      const token = `pdreal${run}d`;
      const post = portalPost({
        key: `real-${run}-d`,
        title: `丢失答复 ${token}`,
        images: [],
        cover: null,
        tags: [],
      });
      const first = await adapter().publish(post, memoryProgress());
      expect(first.kind).toBe('published');
      if (first.kind !== 'published') return;
      remember(first.remote);

      // The outbox's view after a lost reply: a create was sent, its answer never came.
      const progress = memoryProgress({ [CREATE_SENT]: new Date().toISOString() });
      const reconciled = await adapter().reconcile(post, progress);
      expect(reconciled.kind).toBe('found');
      expect(reconciled.kind === 'found' && reconciled.outcome.remote.remoteId).toBe(
        first.remote.remoteId,
      );
      const again = await adapter().publish(post, progress);
      expect(again.kind === 'published' && again.remote.remoteId).toBe(first.remote.remoteId);
      const copies = await postsWith(token);
      expect(copies).toEqual([{ id: Number(first.remote.remoteId), slug: `pd-real-${run}-d` }]);
    });

    it('reconcile of a release never sent: absent', async () => {
      const post = portalPost({ key: `real-${run}-never`, images: [], cover: null, tags: [] });
      expect(await adapter().reconcile(post, memoryProgress())).toEqual({ kind: 'absent' });
    });

    it('wrong credentials are refused with reauthorisation (rest_not_logged_in on GET)', async () => {
      const outcome = await createPortalAdapter({
        settings: {
          channel: 'portal',
          siteUrl: credentials.url,
          username: credentials.username,
          categories: [],
        },
        secrets: { applicationPassword: 'aaaa bbbb cccc dddd eeee ffff' },
        clock: systemClock,
        uploads: memoryUploadCache(),
      }).verify();
      expect(outcome.ok === false && outcome.reauthorize).toBe(true);
      expect(outcome.ok === false && outcome.problem.code).toBe('portal.rest_not_logged_in');
    });
  },
);
