import { describe, expect, it } from 'vitest';
import { PORTAL_URL, useWeiboSandbox } from './weiboTestKit.ts';

/** The simulator itself, over plain HTTP: what the adapter never sends is checked too. */
describe('Weibo sandbox simulator', () => {
  const kit = useWeiboSandbox();

  async function call(
    url: string,
    method: 'GET' | 'POST',
    params: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const body = new URLSearchParams(params);
    const response =
      method === 'GET'
        ? await fetch(`${url}?${body.toString()}`)
        : await fetch(url, { method, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('gives its account settings pointing at it, a 7-day token, and listens on 127.0.0.1', async () => {
    const sandbox = await kit.start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.account.settings).toEqual({
      channel: 'weibo',
      apiBase: `${sandbox.url}/2`,
      tokenExpiresOn: '2025-03-08',
      clientIp: '127.0.0.1',
    });
    expect(sandbox.account.secrets['accessToken']).toMatch(/^2\.00sandbox[0-9a-f]{24}$/);
  });

  it('answers errors in Weibo’s shape: missing token, unknown API, wrong method, missing status', async () => {
    const sandbox = await kit.start();
    const token = sandbox.account.secrets['accessToken'] ?? '';
    const api = `${sandbox.url}/2`;
    expect(await call(`${api}/account/get_uid.json`, 'GET', {})).toEqual({
      status: 400,
      body: {
        request: '/2/account/get_uid.json',
        error_code: 10006,
        error: 'source paramter(appkey) is missing',
      },
    });
    expect(
      await call(`${api}/statuses/update.json`, 'POST', { access_token: token }),
    ).toMatchObject({
      status: 400,
      body: { error_code: 10020 },
    });
    expect(await call(`${api}/statuses/share.json`, 'GET', { access_token: token })).toMatchObject({
      body: { error_code: 10021 },
    });
    expect(await call(`${api}/statuses/share.json`, 'POST', { access_token: token })).toMatchObject(
      {
        body: { error_code: 10016 },
      },
    );
    expect(
      await call(`${api}/statuses/share.json`, 'POST', {
        access_token: token,
        status: `${'政'.repeat(140)} ${PORTAL_URL}`,
      }),
    ).toMatchObject({ status: 400, body: { error_code: 20012 } });
  });

  it('shortens one URL to one t.cn link, and pages the timeline newest first, at most 100', async () => {
    const sandbox = await kit.start({ postsPerMinute: 1000 });
    const token = sandbox.account.secrets['accessToken'] ?? '';
    const api = `${sandbox.url}/2`;
    for (let i = 0; i < 105; i++) {
      const reply = await call(`${api}/statuses/share.json`, 'POST', {
        access_token: token,
        status: `第${i}条 ${PORTAL_URL}`,
      });
      expect(reply.status).toBe(200);
    }
    const shortLinks = new Set(sandbox.sim.statuses.map((s) => s.text.split(' ')[1]));
    expect(shortLinks.size).toBe(1);
    const page1 = await call(`${api}/statuses/user_timeline.json`, 'GET', {
      access_token: token,
      count: '500',
    });
    const statuses = page1.body['statuses'] as Array<{ text: string }>;
    expect(statuses).toHaveLength(100);
    expect(statuses[0]?.text).toMatch(/^第104条 http:\/\/t\.cn\//);
    expect(page1.body['total_number']).toBe(105);
    const page2 = await call(`${api}/statuses/user_timeline.json`, 'GET', {
      access_token: token,
      count: '100',
      page: '2',
    });
    expect(
      (page2.body['statuses'] as Array<{ text: string }>).map((s) => s.text.split(' ')[0]),
    ).toEqual(['第4条', '第3条', '第2条', '第1条', '第0条']);
  });

  it('accepts the same text again once the duplicate window has passed', async () => {
    const sandbox = await kit.start({ duplicateWindowMs: 10 * 60_000 });
    const params = {
      access_token: sandbox.account.secrets['accessToken'] ?? '',
      status: `通知 ${PORTAL_URL}`,
    };
    const share = `${sandbox.url}/2/statuses/share.json`;
    expect((await call(share, 'POST', params)).status).toBe(200);
    expect(await call(share, 'POST', params)).toMatchObject({ body: { error_code: 20019 } });
    kit.clock.advance(11 * 60_000);
    expect((await call(share, 'POST', params)).status).toBe(200);
    expect(sandbox.sim.statuses).toHaveLength(2);
  });

  it('refuses an image it cannot recognise (20005), whatever its declared type', async () => {
    const sandbox = await kit.start();
    const form = new FormData();
    form.set('access_token', sandbox.account.secrets['accessToken'] ?? '');
    form.set('status', `配图 ${PORTAL_URL}`);
    form.set('pic', new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/png' }), 'x.png');
    const response = await fetch(`${sandbox.url}/2/statuses/share.json`, {
      method: 'POST',
      body: form,
    });
    expect(await response.json()).toMatchObject({ error_code: 20005 });
    expect(sandbox.sim.statuses).toEqual([]);
  });
});
