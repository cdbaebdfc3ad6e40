import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { CREATE_SENT } from '../../../../src/core/channels/portal/portalPublish.ts';
import { mediaFile, portalPost, recordingHttp, usePortalSandbox } from './portalTestKit.ts';

const POSTS = '/wp-json/wp/v2/posts';
const MEDIA = '/wp-json/wp/v2/media';
/** A post without images or tags: the create is the first write. */
const plainPost = () => portalPost({ images: [], cover: null, tags: [] });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('portal adapter: a create whose reply is lost', () => {
  const kit = usePortalSandbox();

  it('reset after commit → unknown; reconcile finds the post; publishing again makes no second post', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: POSTS, fault: { kind: 'reset-after-commit' } });

    const lost = await adapter.publish(portalPost(), progress);
    expect(lost.kind).toBe('unknown');
    expect(lost.kind === 'unknown' && lost.problem.message.en).toContain('looks it up on the site');
    const [created] = sandbox.sim.postsWithSlug('pd-rel-1-portal');
    expect(created).toBeDefined();

    const reconciled = await adapter.reconcile(portalPost(), progress);
    expect(reconciled.kind).toBe('found');
    if (reconciled.kind !== 'found') return;
    expect(reconciled.outcome.kind).toBe('published');
    expect(reconciled.outcome.remote.remoteId).toBe(String(created?.id));

    const again = await adapter.publish(portalPost(), progress);
    expect(again.kind === 'published' && again.remote.remoteId).toBe(String(created?.id));
    expect([...sandbox.sim.posts.values()]).toHaveLength(1);
    expect(sandbox.sim.media.size).toBe(2);
  });

  it('malformed JSON after the create → unknown, and reconcile finds it', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: POSTS, fault: { kind: 'malformed-json' } });
    const outcome = await adapter.publish(plainPost(), progress);
    expect(outcome.kind).toBe('unknown');
    expect(outcome.kind === 'unknown' && outcome.problem.code).toBe('reply.malformed');
    const reconciled = await adapter.reconcile(plainPost(), progress);
    expect(reconciled.kind).toBe('found');
  });

  it('a truncated reply to the create → unknown', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ method: 'POST', path: POSTS, fault: { kind: 'truncate' } });
    const outcome = await kit.adapter(sandbox).publish(plainPost(), memoryProgress());
    expect(outcome.kind).toBe('unknown');
    expect(sandbox.sim.postsWithSlug('pd-rel-1-portal')).toHaveLength(1);
  });

  it('an HTML page with 200 to the create → unknown (it may have been created)', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ method: 'POST', path: POSTS, fault: { kind: 'html-error', status: 200 } });
    const outcome = await kit.adapter(sandbox).publish(plainPost(), memoryProgress());
    expect(outcome.kind).toBe('unknown');
    expect(outcome.kind === 'unknown' && outcome.problem.code).toBe('reply.html');
  });

  it('reset before handling → unknown; reconcile says absent; publishing again creates it once', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: POSTS, fault: { kind: 'reset-before' } });
    expect((await adapter.publish(plainPost(), progress)).kind).toBe('unknown');
    expect(await adapter.reconcile(plainPost(), progress)).toEqual({ kind: 'absent' });
    const again = await adapter.publish(plainPost(), progress);
    expect(again.kind).toBe('published');
    expect(sandbox.sim.postsWithSlug('pd-rel-1-portal')).toHaveLength(1);
    expect(sandbox.sim.posts.size).toBe(1);
  });

  it('a post that landed and was trashed since: reconcile undetermined, publish refuses to repeat it', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: POSTS, fault: { kind: 'reset-after-commit' } });
    expect((await adapter.publish(plainPost(), progress)).kind).toBe('unknown');
    const [landed] = sandbox.sim.postsWithSlug('pd-rel-1-portal');
    if (!landed) throw new Error('not created');
    await fetch(`${sandbox.url}${POSTS}/${landed.id}`, {
      method: 'DELETE',
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.sim.login}:${sandbox.account.secrets['applicationPassword']}`).toString('base64')}`,
      },
    });
    expect(landed.slug).toBe('pd-rel-1-portal__trashed');

    const reconciled = await adapter.reconcile(plainPost(), progress);
    expect(reconciled.kind).toBe('undetermined');
    expect(reconciled.kind === 'undetermined' && reconciled.problem.code).toBe(
      'portal.landed-then-trashed',
    );
    const again = await adapter.publish(plainPost(), progress);
    expect(again.kind === 'failed' && again.problem.code).toBe('portal.landed-then-trashed');
    expect(sandbox.sim.posts.size).toBe(1);
  });
});

describe('portal adapter: server trouble, refusals and credentials', () => {
  const kit = usePortalSandbox();

  it('503 on the create → retry after Retry-After; the next attempt looks first, then creates once', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({
      method: 'POST',
      path: POSTS,
      fault: {
        kind: 'status',
        status: 503,
        body: '{"code":"rest_service_unavailable","message":"Busy","data":{"status":503}}',
      },
    });
    const busy = await adapter.publish(portalPost(), progress);
    expect(busy.kind).toBe('retry');
    expect(busy.kind === 'retry' && busy.problem.message.en).toContain('try again later');
    expect(progress.get()[CREATE_SENT]).toBeDefined();

    const { http, sent } = recordingHttp();
    const again = await kit.adapter(sandbox, { http }).publish(portalPost(), progress);
    expect(again.kind).toBe('published');
    const lookups = sent.filter((r) => r.method === 'GET' && String(r.url).includes('slug='));
    expect(lookups.length).toBeGreaterThan(0);
    expect(sandbox.sim.posts.size).toBe(1);
    // Images noted in the progress were not uploaded again.
    expect(sandbox.sim.media.size).toBe(2);
  });

  it('429 with Retry-After → retry after that many seconds', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({
      method: 'POST',
      path: POSTS,
      fault: { kind: 'rate-limit', retryAfterSeconds: 90 },
    });
    const outcome = await kit.adapter(sandbox).publish(plainPost(), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'retry', afterMs: 90_000 });
  });

  it('a proxy’s HTML error page (502) → retry with a clear problem', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ method: 'POST', path: POSTS, fault: { kind: 'html-error', status: 502 } });
    const outcome = await kit.adapter(sandbox).publish(plainPost(), memoryProgress());
    expect(outcome.kind).toBe('retry');
    expect(outcome.kind === 'retry' && outcome.problem.code).toBe('reply.html');
    expect(outcome.kind === 'retry' && outcome.problem.message.en).toContain('web page');
  });

  it('verify answered by an HTML page (a wrong address) fails clearly, without asking to reauthorise', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({
      path: '/wp-json/wp/v2/users/me',
      fault: {
        kind: 'status',
        status: 404,
        body: '<html><body>Not Found</body></html>',
        contentType: 'text/html',
      },
    });
    const outcome = await kit.adapter(sandbox).verify();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reauthorize).toBe(false);
    expect(outcome.problem.code).toBe('reply.html');
    expect(outcome.problem.message.en).toContain('Check the site address');
  });

  it('verify answered with malformed JSON fails clearly', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ path: '/wp-json/wp/v2/users/me', fault: { kind: 'malformed-json' } });
    const outcome = await kit.adapter(sandbox).verify();
    expect(outcome.ok === false && outcome.problem.code).toBe('reply.malformed');
  });

  it('a home page that fails (503) is not remembered: the next call finds the root', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    sandbox.faults.add({ method: 'GET', path: '/', fault: { kind: 'html-error', status: 503 } });
    const first = await adapter.verify();
    expect(first.ok === false && first.problem.code).toBe('portal.home-unavailable');
    expect(first.ok === false && first.reauthorize).toBe(false);
    expect((await adapter.verify()).ok).toBe(true);
  });

  it('nothing listening → retry, nothing sent', async () => {
    const port = await closedPort();
    const sandbox = await kit.start();
    const outcome = await kit
      .adapter(sandbox, { settings: { siteUrl: `http://127.0.0.1:${port}/` } })
      .publish(plainPost(), memoryProgress());
    expect(outcome.kind).toBe('retry');
    expect(outcome.kind === 'retry' && outcome.problem.code).toBe('http.unreachable');
  });

  it('a wrong password on publish → failed, reauthorise (rest_cannot_create 401)', async () => {
    const sandbox = await kit.start();
    const outcome = await kit
      .adapter(sandbox, { secrets: { applicationPassword: 'xxxx xxxx xxxx xxxx xxxx xxxx' } })
      .publish(plainPost(), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'failed', reauthorize: true });
    expect(outcome.kind === 'failed' && outcome.problem.code).toBe('portal.rest_cannot_create');
    expect(sandbox.sim.posts.size).toBe(0);
  });

  it('the application password revoked during publishing → failed, reauthorise', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ method: 'POST', path: MEDIA, fault: { kind: 'expire-token' } });
    const outcome = await kit.adapter(sandbox).publish(portalPost(), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'failed', reauthorize: true });
    expect(sandbox.sim.posts.size).toBe(0);
  });

  it('a slug lookup refused for revoked credentials (rest_forbidden_status) → reauthorise', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress({ [CREATE_SENT]: '2026-03-01T01:00:00.000Z' });
    sandbox.sim.expireTokens();
    const outcome = await adapter.publish(plainPost(), progress);
    expect(outcome).toMatchObject({ kind: 'failed', reauthorize: true });
    expect(outcome.kind === 'failed' && outcome.problem.code).toBe('portal.rest_invalid_param');
    const reconciled = await adapter.reconcile(plainPost(), progress);
    expect(reconciled.kind).toBe('undetermined');
    expect(sandbox.records().at(-1)?.status).toBe(400);
  });

  it('a user who may not upload (contributor): failed without reauthorising', async () => {
    const sandbox = await kit.start({ role: 'contributor' });
    const outcome = await kit.adapter(sandbox).publish(portalPost(), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'failed', reauthorize: false });
    expect(outcome.kind === 'failed' && outcome.problem.message.en).toContain('Editor');
  });

  it('a file WordPress refuses (500 rest_upload_sideload_error) fails for good, it is not retried', async () => {
    const sandbox = await kit.start();
    const notAnImage = mediaFile(Buffer.from('hello'), 'image/png', 'fake.png', '');
    const outcome = await kit
      .adapter(sandbox)
      .publish(portalPost({ images: [notAnImage], cover: null }), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'failed', reauthorize: false });
    expect(outcome.kind === 'failed' && outcome.problem.code).toBe(
      'portal.rest_upload_sideload_error',
    );
    expect(sandbox.sim.posts.size).toBe(0);
  });

  it('an upload whose reply is lost → retry (a duplicate would be an unused library file)', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ method: 'POST', path: MEDIA, fault: { kind: 'reset-after-commit' } });
    const outcome = await kit.adapter(sandbox).publish(portalPost(), memoryProgress());
    expect(outcome.kind).toBe('retry');
    expect(sandbox.sim.posts.size).toBe(0);
  });

  it('refused parameters (rest_invalid_param) → failed, naming them', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({
      method: 'POST',
      path: POSTS,
      fault: {
        kind: 'status',
        status: 400,
        body: JSON.stringify({
          code: 'rest_invalid_param',
          message: 'Invalid parameter(s): categories',
          data: { status: 400, params: { categories: 'categories[0] is not of type integer.' } },
        }),
      },
    });
    const outcome = await kit.adapter(sandbox).publish(plainPost(), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'failed', reauthorize: false });
    expect(outcome.kind === 'failed' && outcome.problem.message.en).toContain('categories');
    expect(outcome.kind === 'failed' && outcome.problem.channelSaid).toContain(
      'not of type integer',
    );
  });

  it('a database failure (500 db_insert_error) → retry', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({
      method: 'POST',
      path: POSTS,
      fault: {
        kind: 'status',
        status: 500,
        body: '{"code":"db_insert_error","message":"Could not insert post into the database.","data":{"status":500}}',
      },
    });
    const outcome = await kit.adapter(sandbox).publish(plainPost(), memoryProgress());
    expect(outcome.kind).toBe('retry');
    expect(outcome.kind === 'retry' && outcome.problem.code).toBe('portal.db_insert_error');
  });

  it('retract: a server error → retry; an unexpected reply shape → retry (safe to repeat)', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const published = await adapter.publish(plainPost(), memoryProgress());
    if (published.kind !== 'published') throw new Error('not published');
    sandbox.faults.add({ method: 'DELETE', fault: { kind: 'status', status: 503, body: '' } });
    expect((await adapter.retract(published.remote)).kind).toBe('retry');
    sandbox.faults.add({
      method: 'DELETE',
      fault: { kind: 'status', status: 200, body: '{"hello":"world"}' },
    });
    const odd = await adapter.retract(published.remote);
    expect(odd.kind).toBe('retry');
    expect(odd.kind === 'retry' && odd.problem.code).toBe('reply.unexpected');
    expect((await adapter.retract(published.remote)).kind).toBe('done');
  });
});
