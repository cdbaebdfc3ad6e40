import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PortalSandbox } from '../../../../src/core/channels/portal/sandbox/wordpressSimulator.ts';
import { PNG_1x1 } from '../../../fixtures/images.ts';
import { usePortalSandbox } from './portalTestKit.ts';

const ObjectSchema = z.record(z.string(), z.unknown());

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Raw calls to the simulated WordPress, as curl would make them. */
function client(sandbox: PortalSandbox, password = sandbox.account.secrets['applicationPassword']) {
  const auth = `Basic ${Buffer.from(`${sandbox.sim.login}:${password ?? ''}`).toString('base64')}`;
  return async (
    method: string,
    path: string,
    options: {
      body?: unknown;
      raw?: Buffer;
      headers?: Record<string, string>;
      anonymous?: boolean;
    } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (!options.anonymous) headers['authorization'] = auth;
    let body: string | Buffer | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    } else if (options.raw !== undefined) {
      body = options.raw;
    }
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    const parsed = parseJson(text);
    return {
      status: response.status,
      headers: response.headers,
      /** The reply as an object ({} when it is not one). */
      json: ObjectSchema.catch({}).parse(parsed),
      /** The reply as a list ([] when it is not one). */
      list: z.array(ObjectSchema).catch([]).parse(parsed),
      raw: parsed,
    };
  };
}

describe('the simulated WordPress behaves as WordPress 6.1 does', () => {
  const kit = usePortalSandbox();

  it('announces its REST root in a Link header on the home page', async () => {
    const pretty = await kit.start();
    const home = await fetch(`${pretty.url}/`);
    expect(home.headers.get('link')).toBe(`<${pretty.url}/wp-json/>; rel="https://api.w.org/"`);
    const plain = await kit.start({ restRoot: 'query' });
    const plainHome = await fetch(`${plain.url}/`);
    expect(plainHome.headers.get('link')).toBe(
      `<${plain.url}/index.php?rest_route=/>; rel="https://api.w.org/"`,
    );
    // With plain permalinks /wp-json/ is not the API: WordPress redirects it home.
    const call = client(plain);
    const redirected = await call('GET', '/wp-json/wp/v2/posts');
    expect(redirected.status).toBe(301);
    expect((await call('GET', '/index.php?rest_route=/wp/v2/posts')).status).toBe(200);
  });

  it('renames a duplicate slug to slug-2, and creates a second post (no idempotency)', async () => {
    const sandbox = await kit.start();
    const call = client(sandbox);
    const body = { title: '通知', status: 'publish', slug: 'pd-x' };
    const first = await call('POST', '/wp-json/wp/v2/posts', { body });
    const second = await call('POST', '/wp-json/wp/v2/posts', { body });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(
      `${sandbox.url}/wp-json/wp/v2/posts/${first.json['id']}`,
    );
    expect([first.json['slug'], second.json['slug']]).toEqual(['pd-x', 'pd-x-2']);
    expect(sandbox.sim.posts.size).toBe(2);
  });

  it('makes a publish with a future date_gmt a future post, found only with a status list and auth', async () => {
    const sandbox = await kit.start();
    const call = client(sandbox);
    const created = await call('POST', '/wp-json/wp/v2/posts', {
      body: {
        title: 'later',
        status: 'publish',
        slug: 'pd-later',
        date_gmt: '2026-03-05T00:00:00',
      },
    });
    expect(created.json['status']).toBe('future');
    expect((await call('GET', '/wp-json/wp/v2/posts?slug=pd-later')).raw).toEqual([]);
    const anonymous = await call(
      'GET',
      '/wp-json/wp/v2/posts?slug=pd-later&status=publish,future',
      {
        anonymous: true,
      },
    );
    expect(anonymous.status).toBe(400);
    expect(anonymous.json).toEqual({
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): status',
      data: {
        status: 400,
        params: { status: 'Status is forbidden.' },
        details: {
          status: {
            code: 'rest_forbidden_status',
            message: 'Status is forbidden.',
            data: { status: 401 },
          },
        },
      },
    });
    const found = await call(
      'GET',
      '/wp-json/wp/v2/posts?slug=pd-later&status=publish,future&context=edit',
    );
    expect(found.list).toHaveLength(1);
    const any = await call('GET', '/wp-json/wp/v2/posts?slug=pd-later&status=any&context=edit');
    expect(any.list).toHaveLength(1);
  });

  it('trashes a post by renaming its slug __trashed; a second trash is 410; force deletes', async () => {
    const sandbox = await kit.start();
    const call = client(sandbox);
    const created = await call('POST', '/wp-json/wp/v2/posts', {
      body: { title: 't', status: 'publish', slug: 'pd-t' },
    });
    const id = Number(created.json['id']);
    const trashed = await call('DELETE', `/wp-json/wp/v2/posts/${id}`);
    expect(trashed.json).toMatchObject({ status: 'trash', slug: 'pd-t__trashed' });
    const again = await call('DELETE', `/wp-json/wp/v2/posts/${id}`);
    expect(again.status).toBe(410);
    expect(again.json).toEqual({
      code: 'rest_already_trashed',
      message: 'The post has already been deleted.',
      data: { status: 410 },
    });
    const lookup = await call('GET', '/wp-json/wp/v2/posts?slug=pd-t&status=any&context=edit');
    expect(lookup.raw).toEqual([]);
    const forced = await call('DELETE', `/wp-json/wp/v2/posts/${id}?force=true`);
    expect(forced.json).toMatchObject({ deleted: true, previous: { id } });
    const gone = await call('GET', `/wp-json/wp/v2/posts/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.json['code']).toBe('rest_post_invalid_id');
  });

  it('takes media only with a plain filename="..." (Chinese allowed), not filename*= alone', async () => {
    const sandbox = await kit.start();
    const call = client(sandbox);
    const star = await call('POST', '/wp-json/wp/v2/media', {
      raw: PNG_1x1,
      headers: {
        'content-type': 'image/png',
        'content-disposition': "attachment; filename*=UTF-8''%E6%96%B0%E9%97%BB.png",
      },
    });
    expect(star.status).toBe(400);
    expect(star.json['code']).toBe('rest_upload_invalid_disposition');
    const none = await call('POST', '/wp-json/wp/v2/media', {
      raw: PNG_1x1,
      headers: { 'content-type': 'image/png' },
    });
    expect(none.json['code']).toBe('rest_upload_no_content_disposition');
    const plain = await call('POST', '/wp-json/wp/v2/media?alt_text=%E6%9B%BF%E4%BB%A3', {
      raw: PNG_1x1,
      headers: {
        'content-type': 'image/png',
        'content-disposition': Buffer.from('attachment; filename="新闻 图片.png"').toString(
          'latin1',
        ),
      },
    });
    expect(plain.status).toBe(201);
    expect(plain.json['source_url']).toMatch(/\/wp-content\/uploads\/2026\/03\/新闻-图片\.png$/);
    expect(plain.json['alt_text']).toBe('替代');
    const file = await fetch(encodeURI(String(plain.json['source_url'])));
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG_1x1)).toBe(true);
    // Media cannot be trashed.
    const trash = await call('DELETE', `/wp-json/wp/v2/media/${plain.json['id']}`);
    expect(trash.status).toBe(501);
    expect(trash.json['code']).toBe('rest_trash_not_supported');
  });

  it('refuses a file that is not an image with 500 rest_upload_sideload_error', async () => {
    const sandbox = await kit.start();
    const refused = await client(sandbox)('POST', '/wp-json/wp/v2/media', {
      raw: Buffer.from('MZ\x90\x00'),
      headers: {
        'content-type': 'image/png',
        'content-disposition': 'attachment; filename="a.png"',
      },
    });
    expect(refused.status).toBe(500);
    expect(refused.json['code']).toBe('rest_upload_sideload_error');
  });

  it('answers term_exists with the existing tag id, and empty_term_name with 500', async () => {
    const sandbox = await kit.start();
    const call = client(sandbox);
    const created = await call('POST', '/wp-json/wp/v2/tags', { body: { name: '政务公开' } });
    expect(created.status).toBe(201);
    const again = await call('POST', '/wp-json/wp/v2/tags', { body: { name: ' 政务公开 ' } });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({
      code: 'term_exists',
      data: { status: 400, term_id: created.json['id'] },
    });
    const empty = await call('POST', '/wp-json/wp/v2/tags', { body: { name: '' } });
    expect(empty.status).toBe(500);
    expect(empty.json).toEqual({
      code: 'empty_term_name',
      message: 'A name is required for this term.',
      data: null,
    });
    const search = await call('GET', '/wp-json/wp/v2/tags?search=%E6%94%BF%E5%8A%A1');
    expect(search.list.map((t) => t['id'])).toEqual([created.json['id']]);
  });

  it('treats wrong credentials as not logged in (rest_not_logged_in on GET, rest_cannot_create on POST)', async () => {
    const sandbox = await kit.start();
    const wrong = client(sandbox, 'wrongwrongwrongwrongwron');
    const me = await wrong('GET', '/wp-json/wp/v2/users/me');
    expect(me.status).toBe(401);
    expect(me.json).toEqual({
      code: 'rest_not_logged_in',
      message: 'You are not currently logged in.',
      data: { status: 401 },
    });
    const create = await wrong('POST', '/wp-json/wp/v2/posts', { body: { title: 'x' } });
    expect(create.status).toBe(401);
    expect(create.json['code']).toBe('rest_cannot_create');
    const strict = await kit.start({ authErrors: 'application-password' });
    const strictMe = await client(strict, 'wrongwrongwrongwrongwron')(
      'GET',
      '/wp-json/wp/v2/users/me',
    );
    expect(strictMe.json['code']).toBe('incorrect_password');
  });

  it('accepts the application password with or without its spaces, until it is revoked', async () => {
    const sandbox = await kit.start();
    const shown = sandbox.account.secrets['applicationPassword'] ?? '';
    expect(shown).toMatch(/^(\w{4} ){5}\w{4}$/);
    expect((await client(sandbox, shown)('GET', '/wp-json/wp/v2/users/me')).status).toBe(200);
    expect(
      (await client(sandbox, shown.replace(/ /g, ''))('GET', '/wp-json/wp/v2/users/me')).status,
    ).toBe(200);
    sandbox.sim.expireTokens();
    expect((await client(sandbox, shown)('GET', '/wp-json/wp/v2/users/me')).status).toBe(401);
    const fresh = sandbox.sim.issuePassword();
    expect((await client(sandbox, fresh)('GET', '/wp-json/wp/v2/users/me')).status).toBe(200);
  });

  it('validates parameters before permissions, naming each one as WordPress does', async () => {
    const sandbox = await kit.start();
    const call = client(sandbox);
    const bad = await call('POST', '/wp-json/wp/v2/posts', {
      body: { title: 'x', status: 'bogus', featured_media: 'abc', date_gmt: 'tomorrow' },
      anonymous: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.json['message']).toBe('Invalid parameter(s): status, date_gmt, featured_media');
    const json = await call('POST', '/wp-json/wp/v2/posts', {
      raw: Buffer.from('{"title":'),
      headers: { 'content-type': 'application/json' },
    });
    expect(json.json['code']).toBe('rest_invalid_json');
    const route = await call('GET', '/wp-json/wp/v2/nothing');
    expect(route.status).toBe(404);
    expect(route.json['code']).toBe('rest_no_route');
  });

  it('drops a featured_media or terms that do not exist, as WordPress does', async () => {
    const sandbox = await kit.start();
    const created = await client(sandbox)('POST', '/wp-json/wp/v2/posts', {
      body: { title: 'x', status: 'draft', featured_media: 999, tags: [999], categories: [999] },
    });
    expect(created.json).toMatchObject({ featured_media: 0, tags: [], categories: [] });
  });

  it('hides unpublished posts from readers and serves published ones on ?p=', async () => {
    const sandbox = await kit.start();
    const call = client(sandbox);
    const draft = await call('POST', '/wp-json/wp/v2/posts', {
      body: { title: '草稿', status: 'draft' },
    });
    const anonymous = await call('GET', `/wp-json/wp/v2/posts/${draft.json['id']}`, {
      anonymous: true,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json['code']).toBe('rest_forbidden');
    const live = await call('POST', '/wp-json/wp/v2/posts', {
      body: { title: '公告', status: 'publish', content: '<p>正文</p>' },
    });
    const page = await fetch(String(live.json['link']));
    expect(await page.text()).toContain('<p>正文</p>');
    expect((await fetch(`${sandbox.url}/?p=${draft.json['id']}`)).status).toBe(404);
  });
});
