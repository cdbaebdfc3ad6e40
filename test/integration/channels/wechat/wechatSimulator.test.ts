import { afterEach, describe, expect, it } from 'vitest';
import {
  startWechatSandbox,
  type WechatSandbox,
} from '../../../../src/core/channels/wechat/sandbox/wechatSimulator.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import { JPEG_2x3, solidPng } from '../../../fixtures/images.ts';

type Json = Record<string, unknown>;

describe('WeChat sandbox simulator (raw HTTP)', () => {
  const open: WechatSandbox[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  async function start(publishDelayMs = 10_000) {
    const clock = manualClock('2025-06-02T02:00:00Z');
    const sandbox = await startWechatSandbox({ now: clock.now, publishDelayMs });
    open.push(sandbox);
    const { appId } = sandbox.account.settings;
    const secret = sandbox.account.secrets['appSecret'] ?? '';
    const post = async (path: string, body: unknown, token?: string): Promise<Json> => {
      const url = new URL(`${sandbox.url}${path}`);
      if (token !== undefined) url.searchParams.set('access_token', token);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as Json;
    };
    const upload = async (
      path: string,
      token: string,
      bytes: Buffer,
      name: string,
      type: string,
    ) => {
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(bytes)], { type }), name);
      const res = await fetch(
        `${sandbox.url}${path}${path.includes('?') ? '&' : '?'}access_token=${token}`,
        {
          method: 'POST',
          body: form,
        },
      );
      return (await res.json()) as Json;
    };
    const stable = (force = false, s = secret) =>
      post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: appId,
        secret: s,
        force_refresh: force,
      });
    const token = async () => String((await stable()).access_token);
    return { sandbox, clock, post, upload, stable, token, appId, secret };
  }

  it('hands back the same stable token, expires it after 7200 s, and forced refreshes overlap 5 minutes', async () => {
    const { clock, post, stable } = await start();
    const first = await stable();
    expect(first.expires_in).toBe(7200);
    clock.advance(1000 * 1000);
    const again = await stable();
    expect(again.access_token).toBe(first.access_token);
    expect(again.expires_in).toBe(6200);

    const forced = await stable(true);
    expect(forced.access_token).not.toBe(first.access_token);
    expect(await stable(true)).toMatchObject({ errcode: 45011 });
    const read = (t: unknown) =>
      post('/cgi-bin/freepublish/batchget', { offset: 0, count: 1, no_content: 1 }, String(t));
    expect(await read(first.access_token)).toMatchObject({ total_count: 0 });
    clock.advance(5 * 60_000);
    expect(await read(first.access_token)).toMatchObject({ errcode: 40001 });
    clock.advance(7200 * 1000);
    expect(await read(forced.access_token)).toMatchObject({ errcode: 42001 });
    expect(await read(undefined)).toMatchObject({ errcode: 40001 });
  });

  it('cgi-bin/token replaces its previous token after 5 minutes and leaves the stable token alone', async () => {
    const { sandbox, clock, post, stable, appId, secret } = await start();
    const stableToken = String((await stable()).access_token);
    const basic = async () => {
      const res = await fetch(
        `${sandbox.url}/cgi-bin/token?grant_type=client_credential&appid=${appId}&secret=${secret}`,
      );
      return (await res.json()) as Json;
    };
    const a = await basic();
    const b = await basic();
    expect(a.access_token).not.toBe(b.access_token);
    const read = (t: unknown) =>
      post('/cgi-bin/freepublish/batchget', { offset: 0, count: 1 }, String(t));
    expect(await read(a.access_token)).toMatchObject({ total_count: 0 });
    clock.advance(5 * 60_000 + 1);
    expect(await read(a.access_token)).toMatchObject({ errcode: 40001 });
    expect(await read(b.access_token)).toMatchObject({ total_count: 0 });
    expect(await read(stableToken)).toMatchObject({ total_count: 0 });
    sandbox.state.expireTokens();
    expect(await read(stableToken)).toMatchObject({ errcode: 40001 });
  });

  it('checks AppID, AppSecret and the IP whitelist, with WeChat’s codes and a request id', async () => {
    const { sandbox, post, stable, appId } = await start();
    expect(await stable(false, 'wrong')).toMatchObject({ errcode: 40125 });
    expect(
      await post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: 'wx1111111111111111',
        secret: 'x',
      }),
    ).toMatchObject({ errcode: 40013 });
    expect(
      await post('/cgi-bin/stable_token', { grant_type: 'password', appid: appId }),
    ).toMatchObject({
      errcode: 40002,
    });
    sandbox.state.ipWhitelisted = false;
    const refused = await stable();
    expect(refused.errcode).toBe(40164);
    expect(String(refused.errmsg)).toMatch(
      /^invalid ip 203\.0\.113\.10 ipv6 .*not in whitelist rid: \w+-\w+-\w+$/,
    );
  });

  it('validates in-article images (40005 type, 40009 size, 41005 missing) and returns mmbiz URLs', async () => {
    const { upload, token, post } = await start();
    const t = await token();
    const png = await upload('/cgi-bin/media/uploadimg', t, solidPng(2, 2), 'a.png', 'image/png');
    expect(String(png.url)).toMatch(
      /^http:\/\/mmbiz\.qpic\.cn\/sandbox\/[0-9a-f]{32}\/0\?wx_fmt=png$/,
    );
    const jpg = await upload('/cgi-bin/media/uploadimg', t, JPEG_2x3, 'b.jpg', 'image/jpeg');
    expect(String(jpg.url)).toContain('wx_fmt=jpeg');
    expect(
      await upload('/cgi-bin/media/uploadimg', t, Buffer.from('GIF89a..'), 'c.gif', 'image/gif'),
    ).toMatchObject({
      errcode: 40005,
    });
    // A PNG named .jpg is refused like WeChat (type by name and content).
    expect(
      await upload('/cgi-bin/media/uploadimg', t, solidPng(2, 2), 'd.jpg', 'image/jpeg'),
    ).toMatchObject({
      errcode: 40005,
    });
    const big = Buffer.concat([solidPng(1, 1), Buffer.alloc(1024 * 1024)]);
    expect(await upload('/cgi-bin/media/uploadimg', t, big, 'e.png', 'image/png')).toMatchObject({
      errcode: 40009,
    });
    expect(await post('/cgi-bin/media/uploadimg', {}, t)).toMatchObject({ errcode: 41005 });
  });

  it('creates a new material on every add_material call', async () => {
    const { sandbox, upload, token } = await start();
    const t = await token();
    const one = await upload(
      '/cgi-bin/material/add_material?type=image',
      t,
      solidPng(2, 2),
      'c.png',
      'image/png',
    );
    const two = await upload(
      '/cgi-bin/material/add_material?type=image',
      t,
      solidPng(2, 2),
      'c.png',
      'image/png',
    );
    expect(one.media_id).not.toBe(two.media_id);
    expect(String(one.url)).toMatch(/^http:\/\/mmbiz\.qpic\.cn\//);
    expect(sandbox.state.materials.size).toBe(2);
    expect(
      await upload(
        '/cgi-bin/material/add_material?type=thumb',
        t,
        solidPng(2, 2),
        'c.png',
        'image/png',
      ),
    ).toMatchObject({ errcode: 40005 });
  });

  it('validates drafts and strips images WeChat does not host', async () => {
    const { sandbox, upload, token, post } = await start();
    const t = await token();
    const cover = String(
      (
        await upload(
          '/cgi-bin/material/add_material?type=image',
          t,
          solidPng(2, 2),
          'c.png',
          'image/png',
        )
      ).media_id,
    );
    const own = String(
      (await upload('/cgi-bin/media/uploadimg', t, solidPng(3, 3), 'i.png', 'image/png')).url,
    );
    const article = (over: Json): Json => ({
      title: '标题',
      author: '作者',
      digest: '',
      content: `<p>正文</p><img src="${own}"><img src="https://example.com/x.png"><script>alert(1)</script>`,
      thumb_media_id: cover,
      ...over,
    });
    const add = (over: Json) => post('/cgi-bin/draft/add', { articles: [article(over)] }, t);
    expect(await add({ title: '题'.repeat(33) })).toMatchObject({ errcode: 45003 });
    expect(await add({ author: '作'.repeat(17) })).toMatchObject({ errcode: 45110 });
    expect(await add({ digest: '摘'.repeat(129) })).toMatchObject({ errcode: 45004 });
    expect(await add({ content: '' })).toMatchObject({ errcode: 44003 });
    expect(await add({ content: 'x'.repeat(20_000) })).toMatchObject({ errcode: 45002 });
    expect(await add({ thumb_media_id: 'nope' })).toMatchObject({ errcode: 40007 });
    expect(await add({ title: 42 })).toMatchObject({ errcode: 47001 });
    expect(await post('/cgi-bin/draft/add', { articles: [] }, t)).toMatchObject({ errcode: 44003 });

    const created = await add({ title: '题'.repeat(32) });
    const mediaId = String(created.media_id);
    const draft = sandbox.state.drafts.get(mediaId);
    expect(draft?.strippedImages).toBe(1);
    expect(draft?.articles[0]?.content).toContain(own);
    expect(draft?.articles[0]?.content).not.toContain('example.com');
    expect(draft?.articles[0]?.content).not.toContain('<script');
    expect(draft?.articles[0]?.digest).toBe('正文');
    expect(await post('/cgi-bin/draft/get', { media_id: mediaId }, t)).toMatchObject({
      news_item: [{ title: '题'.repeat(32) }],
    });
  });

  it('submit removes the draft and queues a job that publishes after the delay; resubmitting fails', async () => {
    const { sandbox, clock, upload, token, post } = await start(10_000);
    const t = await token();
    const cover = String(
      (
        await upload(
          '/cgi-bin/material/add_material?type=image',
          t,
          solidPng(2, 2),
          'c.png',
          'image/png',
        )
      ).media_id,
    );
    const mediaIds: string[] = [];
    for (const title of ['一', '二', '三']) {
      const draft = await post(
        '/cgi-bin/draft/add',
        { articles: [{ title, content: `<p>${title}</p>`, thumb_media_id: cover }] },
        t,
      );
      mediaIds.push(String(draft.media_id));
    }
    const submitted = await post('/cgi-bin/freepublish/submit', { media_id: mediaIds[0] }, t);
    expect(submitted).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(typeof submitted.publish_id).toBe('number');
    expect(await post('/cgi-bin/freepublish/submit', { media_id: mediaIds[0] }, t)).toMatchObject({
      errcode: 40007,
    });
    expect(await post('/cgi-bin/draft/get', { media_id: mediaIds[0] }, t)).toMatchObject({
      errcode: 40007,
    });

    const get = () =>
      post('/cgi-bin/freepublish/get', { publish_id: String(submitted.publish_id) }, t);
    expect(await get()).toMatchObject({ publish_status: 1 });
    clock.advance(10_000);
    const done = await get();
    expect(done).toMatchObject({ publish_status: 0, article_detail: { count: 1 } });
    expect(await post('/cgi-bin/freepublish/get', { publish_id: '1' }, t)).toMatchObject({
      errcode: 53502,
    });

    sandbox.state.endNextPublishWith(4);
    const rejected = await post('/cgi-bin/freepublish/submit', { media_id: mediaIds[1] }, t);
    clock.advance(1000);
    await post('/cgi-bin/freepublish/submit', { media_id: mediaIds[2] }, t);
    clock.advance(10_000);
    expect(
      await post('/cgi-bin/freepublish/get', { publish_id: rejected.publish_id }, t),
    ).toMatchObject({
      publish_status: 4,
      fail_idx: [1],
    });

    // Published list, newest first, paged; no_content leaves the body out.
    const page1 = await post(
      '/cgi-bin/freepublish/batchget',
      { offset: 0, count: 1, no_content: 1 },
      t,
    );
    expect(page1).toMatchObject({ total_count: 2, item_count: 1 });
    const item = (page1.item as Json[])[0] as {
      content: { news_item: Json[] };
      update_time: number;
    };
    expect(item.content.news_item[0]).toMatchObject({ title: '三', thumb_media_id: cover });
    expect(item.content.news_item[0]).not.toHaveProperty('content');
    const page2 = await post('/cgi-bin/freepublish/batchget', { offset: 1, count: 20 }, t);
    expect(
      (page2.item as Array<{ content: { news_item: Json[] } }>)[0]?.content.news_item[0],
    ).toMatchObject({
      title: '一',
      content: '<p>一</p>',
    });
    expect(await post('/cgi-bin/freepublish/batchget', { offset: 0, count: 21 }, t)).toMatchObject({
      errcode: 47001,
    });

    // Delete: done, then 53600 for the same article.
    const articleId = String(done.article_id);
    expect(
      await post('/cgi-bin/freepublish/delete', { article_id: articleId, index: 0 }, t),
    ).toMatchObject({
      errcode: 0,
    });
    expect(
      await post('/cgi-bin/freepublish/delete', { article_id: articleId, index: 0 }, t),
    ).toMatchObject({
      errcode: 53600,
    });
    expect(await get()).toMatchObject({ publish_status: 5 });
    const page = await fetch(
      String((done.article_detail as { item: Json[] }).item[0]?.article_url),
    );
    expect(await page.text()).toContain('该内容已被发布者删除');
  });

  it('answers 48001 on publishing APIs for an unverified account, and injected errors once', async () => {
    const { sandbox, token, post } = await start();
    const t = await token();
    sandbox.state.publishingAuthorised = false;
    expect(await post('/cgi-bin/draft/add', { articles: [] }, t)).toMatchObject({ errcode: 48001 });
    expect(await post('/cgi-bin/freepublish/batchget', { offset: 0, count: 1 }, t)).toMatchObject({
      errcode: 48001,
    });
    sandbox.state.publishingAuthorised = true;
    sandbox.state.inject('/cgi-bin/freepublish/batchget', -1);
    expect(await post('/cgi-bin/freepublish/batchget', { offset: 0, count: 1 }, t)).toMatchObject({
      errcode: -1,
    });
    expect(await post('/cgi-bin/freepublish/batchget', { offset: 0, count: 1 }, t)).toMatchObject({
      total_count: 0,
    });
  });

  it('enforces the daily quota per API (45009), reset the next Beijing day', async () => {
    const { sandbox, clock, token, post } = await start();
    const t = await token();
    sandbox.state.dailyQuota = 2;
    const read = () => post('/cgi-bin/freepublish/batchget', { offset: 0, count: 1 }, t);
    await read();
    await read();
    expect(await read()).toMatchObject({ errcode: 45009 });
    // 02:00Z is 10:00 in Beijing: the next Beijing day starts 14 hours later.
    clock.advance(14 * 3_600_000);
    const fresh = String(
      (
        await post('/cgi-bin/stable_token', {
          grant_type: 'client_credential',
          appid: sandbox.account.settings.appId,
          secret: sandbox.account.secrets['appSecret'],
        })
      ).access_token,
    );
    expect(
      await post('/cgi-bin/freepublish/batchget', { offset: 0, count: 1 }, fresh),
    ).toMatchObject({
      total_count: 0,
    });
  });

  it('listens on 127.0.0.1 and its account points at it', async () => {
    const { sandbox } = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.account.settings.apiBase).toBe(sandbox.url);
    expect(sandbox.account.settings.appId).toMatch(/^wx[0-9a-zA-Z]{16}$/);
  });
});
