import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { memoryUploadCache } from '../../../../src/core/channels/adapterOptions.ts';
import { MEDIA_CACHE_KIND } from '../../../../src/core/channels/portal/portalMedia.ts';
import { CREATE_SENT } from '../../../../src/core/channels/portal/portalPublish.ts';
import type { WordpressSimOptions } from '../../../../src/core/channels/portal/sandbox/wordpressSim.ts';
import { JPEG_2x3, solidPng } from '../../../fixtures/images.ts';
import { PHOTO, mediaFile, portalPost, recordingHttp, usePortalSandbox } from './portalTestKit.ts';

describe('portal adapter: publish against the simulated WordPress', () => {
  const kit = usePortalSandbox();

  it('uploads the cover and images, creates the tags and publishes the post under its slug', async () => {
    const sandbox = await kit.start();
    const { http, sent } = recordingHttp();
    const adapter = kit.adapter(sandbox, { http, settings: { categories: [2] } });
    const progress = memoryProgress();

    const outcome = await adapter.publish(portalPost(), progress);

    expect(outcome.kind).toBe('published');
    if (outcome.kind !== 'published') return;
    const post = sandbox.sim.posts.get(Number(outcome.remote.remoteId));
    expect(post).toBeDefined();
    if (!post) return;
    expect(post.slug).toBe('pd-rel-1-portal');
    expect(post.status).toBe('publish');
    expect(post.title).toBe('关于开展2026年春季植树活动的通知');
    expect(post.excerpt).toBe('区绿化办组织春季义务植树。');
    expect(post.categories).toEqual([2]);
    expect(outcome.remote.url).toBe(`${sandbox.url}/?p=${post.id}`);
    expect(outcome.remote.extra).toMatchObject({ status: 'publish', slug: 'pd-rel-1-portal' });

    const media = [...sandbox.sim.media.values()];
    expect(media.map((m) => m.sentName).sort()).toEqual(['封面 图.png', 'site photo.jpg'].sort());
    const cover = media.find((m) => m.sentName === '封面 图.png');
    const photo = media.find((m) => m.sentName === 'site photo.jpg');
    expect(post.featuredMedia).toBe(cover?.id);
    expect(cover?.altText).toBe('区政府大楼');
    expect(photo?.altText).toBe('会议现场');
    expect(post.content).toContain(
      `<img src="${sandbox.url}${photo?.path ?? '?'}" alt="会议现场">`,
    );

    const tagNames = post.tags.map((id) => sandbox.sim.terms.get(id)?.name);
    expect(tagNames).toEqual(['植树', '绿化']);

    // The home page was asked once for the REST root, and the create was noted before it went.
    expect(sent.filter((r) => String(r.url) === `${sandbox.url}/`)).toHaveLength(1);
    expect(progress.get()[CREATE_SENT]).toBe('2026-03-01T02:00:00.000Z');
    // Every API call carried the application password.
    expect(sent.slice(1).every((r) => r.headers?.['authorization']?.startsWith('Basic '))).toBe(
      true,
    );
  });

  it('reuses an image uploaded earlier (progress, then the account cache) instead of uploading it again', async () => {
    const sandbox = await kit.start();
    const uploads = memoryUploadCache();
    const image = mediaFile(solidPng(2, 2, [1, 2, 3]), 'image/png', 'chart.png', '图表');
    const adapter = kit.adapter(sandbox, { uploads });

    const first = await adapter.publish(
      portalPost({ key: 'rel-a-portal', images: [image], cover: image }),
      memoryProgress(),
    );
    const second = await adapter.publish(
      portalPost({ key: 'rel-b-portal', images: [image], cover: null }),
      memoryProgress(),
    );

    expect(first.kind).toBe('published');
    expect(second.kind).toBe('published');
    expect(sandbox.sim.media.size).toBe(1);
    expect(image.reads()).toBe(1);
    const [media] = [...sandbox.sim.media.values()];
    expect(uploads.get(image.hash, MEDIA_CACHE_KIND)).toBe(
      `${media?.id} ${sandbox.url}${media?.path}`,
    );
  });

  it('schedules a post with a future publishAt: WordPress answers future, which counts as published', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const at = new Date('2026-03-02T01:30:00Z');

    const outcome = await adapter.publish(portalPost({ publishAt: at }), memoryProgress());

    expect(outcome.kind).toBe('published');
    if (outcome.kind !== 'published') return;
    expect(outcome.remote.extra?.['status']).toBe('future');
    const post = sandbox.sim.posts.get(Number(outcome.remote.remoteId));
    expect(post?.dateGmt.toISOString()).toBe('2026-03-02T01:30:00.000Z');
    // A reader does not see it yet; WordPress publishes it itself when the time comes.
    const before = await fetch(`${sandbox.url}/wp-json/wp/v2/posts?slug=pd-rel-1-portal`);
    expect(await before.json()).toEqual([]);
    kit.clock.set('2026-03-02T01:31:00Z');
    const after = await fetch(`${sandbox.url}/wp-json/wp/v2/posts?slug=pd-rel-1-portal`);
    expect(z.array(z.object({ status: z.string() })).parse(await after.json())[0]?.status).toBe(
      'publish',
    );
  });

  it('publishes at once, without back-dating, when publishAt has already passed', async () => {
    const sandbox = await kit.start();
    const { http, sent } = recordingHttp();
    const outcome = await kit
      .adapter(sandbox, { http })
      .publish(portalPost({ publishAt: new Date('2026-02-01T00:00:00Z') }), memoryProgress());
    expect(outcome.kind === 'published' && outcome.remote.extra?.['status']).toBe('publish');
    const create = sent.find((r) => r.method === 'POST' && String(r.url).endsWith('/wp/v2/posts'));
    expect(create?.body?.type === 'json' && create.body.value).not.toHaveProperty('date_gmt');
  });

  it('finds an existing tag by name (any case, HTML-escaped) and takes term_exists ids', async () => {
    const sandbox = await kit.start();
    const existing = sandbox.sim.addTerm('post_tag', 'Policy & Law');
    const adapter = kit.adapter(sandbox);
    const outcome = await adapter.publish(
      portalPost({ tags: ['policy & law', ' 政务  公开 ', '政务 公开', ''] }),
      memoryProgress(),
    );
    expect(outcome.kind).toBe('published');
    if (outcome.kind !== 'published') return;
    const post = sandbox.sim.posts.get(Number(outcome.remote.remoteId));
    expect(post?.tags[0]).toBe(existing.id);
    expect(post?.tags.map((id) => sandbox.sim.terms.get(id)?.name)).toEqual([
      'Policy & Law',
      '政务 公开',
    ]);
  });

  it('sets the alt text with a second call when the upload does not take it', async () => {
    const sandbox = await kit.start({ uploadTakesAltText: false });
    const { http, sent } = recordingHttp();
    const outcome = await kit
      .adapter(sandbox, { http })
      .publish(portalPost({ cover: null, images: [PHOTO] }), memoryProgress());
    expect(outcome.kind).toBe('published');
    const [photo] = [...sandbox.sim.media.values()];
    expect(photo?.altText).toBe('会议现场');
    expect(
      sent.some(
        (r) => r.method === 'POST' && new RegExp(`/wp/v2/media/${photo?.id}$`).test(String(r.url)),
      ),
    ).toBe(true);
  });

  it('works with a site whose REST API is announced as ?rest_route= (plain permalinks)', async () => {
    const sandbox = await kit.start({ restRoot: 'query' });
    const { http, sent } = recordingHttp();
    const adapter = kit.adapter(sandbox, { http });
    const verified = await adapter.verify();
    expect(verified.ok).toBe(true);
    const outcome = await adapter.publish(portalPost(), memoryProgress());
    expect(outcome.kind).toBe('published');
    const apiCalls = sent.slice(1).map((r) => new URL(String(r.url)));
    expect(
      apiCalls.every((u) => u.pathname === '/index.php' && u.searchParams.has('rest_route')),
    ).toBe(true);
    expect(sandbox.sim.postsWithSlug('pd-rel-1-portal')).toHaveLength(1);
  });

  it('falls back to <site>/wp-json/ when the home page announces nothing', async () => {
    const sandbox = await kit.start();
    const { http, sent } = recordingHttp();
    const stripped: typeof http = async (request) => {
      const result = await http(request);
      if (result.kind === 'reply' && String(request.url) === `${sandbox.url}/`) {
        return {
          kind: 'reply',
          reply: { ...result.reply, headers: { 'content-type': 'text/html' } },
        };
      }
      return result;
    };
    const verified = await kit.adapter(sandbox, { http: stripped }).verify();
    expect(verified.ok).toBe(true);
    expect(String(sent[1]?.url)).toBe(`${sandbox.url}/wp-json/wp/v2/users/me?context=edit`);
  });

  it('sends the file name in the plain filename="..." form, Chinese kept, unsafe characters dropped', async () => {
    const sandbox = await kit.start();
    const image = mediaFile(JPEG_2x3, 'image/jpeg', '../2026年"春季";植树.JPEG', '');
    const outcome = await kit
      .adapter(sandbox)
      .publish(portalPost({ cover: null, images: [image] }), memoryProgress());
    expect(outcome.kind).toBe('published');
    const [media] = [...sandbox.sim.media.values()];
    expect(media?.sentName).toBe('2026年 春季 植树.jpeg');
    expect(media?.fileName).toBe('2026年-春季-植树.jpeg');
  });
});

describe('portal adapter: verify, status, update, retract', () => {
  const kit = usePortalSandbox();

  it('verify names the user, its role and the REST root', async () => {
    const sandbox = await kit.start();
    const outcome = await kit.adapter(sandbox).verify();
    expect(outcome).toEqual({
      ok: true,
      accountName: '门户网站沙箱编辑',
      details: [
        {
          zh: 'WordPress 用户：门户网站沙箱编辑（ID 1，角色 editor）',
          en: 'WordPress user: 门户网站沙箱编辑 (id 1, roles editor)',
        },
        {
          zh: `REST API 地址：${sandbox.url}/wp-json/`,
          en: `REST API: ${sandbox.url}/wp-json/`,
        },
      ],
    });
  });

  it('verify refuses a user who may not publish (contributor), without asking to reauthorise', async () => {
    const sandbox = await kit.start({ role: 'contributor' });
    const outcome = await kit.adapter(sandbox).verify();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reauthorize).toBe(false);
    expect(outcome.problem.code).toBe('portal.cannot-publish');
    expect(outcome.problem.message.en).toContain('Editor or Author role');
  });

  it('verify with a wrong password: rest_not_logged_in → reauthorise, with the HTTPS/Apache advice', async () => {
    const sandbox = await kit.start();
    const outcome = await kit
      .adapter(sandbox, { secrets: { applicationPassword: 'abcd efgh ijkl mnop qrst uvwx' } })
      .verify();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reauthorize).toBe(true);
    expect(outcome.problem.code).toBe('portal.rest_not_logged_in');
    expect(outcome.problem.channelSaid).toContain('You are not currently logged in.');
    expect(outcome.problem.message.en).toContain('HTTPS');
    expect(outcome.problem.message.en).toContain('Authorization header');
    expect(outcome.problem.message.zh).toContain('应用密码');
  });

  it.each<[Omit<WordpressSimOptions, 'now'>, string | undefined, string]>([
    [{ authErrors: 'application-password' }, 'nobody', 'portal.invalid_username'],
    [{ authErrors: 'application-password' }, undefined, 'portal.incorrect_password'],
    [
      { authErrors: 'application-password', applicationPasswords: false },
      undefined,
      'portal.application_passwords_disabled',
    ],
  ])('verify maps %o (user %s) to %s, reauthorise', async (options, username, code) => {
    const sandbox = await kit.start(options);
    const outcome = await kit
      .adapter(sandbox, {
        settings: username === undefined ? {} : { username },
        secrets:
          username === undefined && options.applicationPasswords !== false
            ? { applicationPassword: 'wrongwrongwrongwrongwron' }
            : sandbox.account.secrets,
      })
      .verify();
    expect(outcome.ok === false && outcome.reauthorize).toBe(true);
    expect(outcome.ok === false && outcome.problem.code).toBe(code);
  });

  it('verify without a stored application password asks for one', async () => {
    const sandbox = await kit.start();
    const { http, sent } = recordingHttp();
    const outcome = await kit.adapter(sandbox, { http, secrets: {} }).verify();
    expect(outcome.ok === false && outcome.problem.code).toBe('portal.no-application-password');
    expect(outcome.ok === false && outcome.reauthorize).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('status: published, still scheduled, and failed once trashed', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const now = await adapter.publish(portalPost(), memoryProgress());
    const later = await adapter.publish(
      portalPost({ key: 'rel-2-portal', publishAt: new Date('2026-04-01T00:00:00Z') }),
      memoryProgress(),
    );
    if (now.kind !== 'published' || later.kind !== 'published') throw new Error('not published');

    expect((await adapter.status(now.remote)).kind).toBe('published');
    const scheduled = await adapter.status(later.remote);
    expect(scheduled.kind === 'published' && scheduled.remote.extra?.['status']).toBe('future');

    await adapter.retract(now.remote);
    const trashed = await adapter.status(now.remote);
    expect(trashed.kind).toBe('failed');
    expect(trashed.kind === 'failed' && trashed.problem.code).toBe('portal.trashed');
  });

  it('update changes title, content, excerpt, cover and tags; repeating it changes nothing more', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(portalPost(), memoryProgress());
    if (published.kind !== 'published') throw new Error('not published');
    const newImage = mediaFile(solidPng(3, 3, [0, 128, 0]), 'image/png', 'map.png', '地图');
    const corrected = portalPost({
      title: '关于开展2026年春季植树活动的通知（更正）',
      excerpt: '更正了集合地点。',
      images: [newImage],
      cover: null,
      tags: ['植树', '更正'],
    });

    const first = await adapter.update(published.remote, corrected);
    const second = await adapter.update(published.remote, corrected);

    expect(first.kind).toBe('done');
    expect(second.kind).toBe('done');
    const post = sandbox.sim.posts.get(Number(published.remote.remoteId));
    expect(post?.title).toBe('关于开展2026年春季植树活动的通知（更正）');
    expect(post?.excerpt).toBe('更正了集合地点。');
    expect(post?.featuredMedia).toBe(0);
    const map = [...sandbox.sim.media.values()].find((m) => m.sentName === 'map.png');
    expect(post?.content).toContain(`${sandbox.url}${map?.path ?? '?'}`);
    expect(post?.tags.map((id) => sandbox.sim.terms.get(id)?.name)).toEqual(['植树', '更正']);
    expect(sandbox.sim.media.size).toBe(3);
    expect(post?.slug).toBe('pd-rel-1-portal');
  });

  it('update of a trashed post fails with instructions to restore it', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(portalPost(), memoryProgress());
    if (published.kind !== 'published') throw new Error('not published');
    await adapter.retract(published.remote);
    const outcome = await adapter.update(published.remote, portalPost({ title: '新标题' }));
    expect(outcome.kind === 'failed' && outcome.problem.code).toBe('portal.landed-then-trashed');
    expect(sandbox.sim.posts.get(Number(published.remote.remoteId))?.title).not.toBe('新标题');
  });

  it('update of a post deleted for good fails: rest_post_invalid_id', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const outcome = await adapter.update({ remoteId: '999', url: null }, portalPost());
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.problem.code).toBe('portal.rest_post_invalid_id');
  });

  it('retract moves the post to the trash; again is done (410), and so is a post deleted for good (404)', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(portalPost(), memoryProgress());
    if (published.kind !== 'published') throw new Error('not published');

    const first = await adapter.retract(published.remote);
    expect(first.kind).toBe('done');
    const post = sandbox.sim.posts.get(Number(published.remote.remoteId));
    expect(post?.status).toBe('trash');
    expect(post?.slug).toBe('pd-rel-1-portal__trashed');

    const again = await adapter.retract(published.remote);
    expect(again).toEqual({ kind: 'done', remote: published.remote });
    expect(sandbox.records().at(-1)).toMatchObject({ method: 'DELETE', status: 410 });

    sandbox.sim.posts.delete(Number(published.remote.remoteId));
    expect((await adapter.retract(published.remote)).kind).toBe('done');
    expect(sandbox.records().at(-1)).toMatchObject({ method: 'DELETE', status: 404 });
  });

  it('retract with revoked credentials fails and asks to reauthorise', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(portalPost(), memoryProgress());
    if (published.kind !== 'published') throw new Error('not published');
    sandbox.sim.expireTokens();
    const outcome = await adapter.retract(published.remote);
    expect(outcome.kind === 'failed' && outcome.reauthorize).toBe(true);
    expect(outcome.kind === 'failed' && outcome.problem.code).toBe('portal.rest_cannot_delete');
    expect(sandbox.sim.posts.get(Number(published.remote.remoteId))?.status).toBe('publish');
  });

  it('declares which calls are safe to repeat', async () => {
    const sandbox = await kit.start();
    const safety = kit.adapter(sandbox).repeatSafety;
    expect(safety.publish.safe).toBe(false);
    expect(safety.update.safe).toBe(true);
    expect(safety.retract.safe).toBe(true);
    expect(safety.publish.why).toContain('slug');
  });
});
