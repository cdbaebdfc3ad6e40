import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { BUSY_PAUSE_MS } from '../../../../src/core/channels/wechat/wechatCall.ts';
import { IMAGE_B, useWechatRig, wechatPost } from './wechatFixtures.ts';

const TOKEN_LIFETIME_MS = 7200 * 1000;

describe('WeChat adapter: access tokens', () => {
  const rig = useWechatRig({ publishDelayMs: 0 });

  it('renews a token WeChat invalidated between calls once (force_refresh) and carries on', async () => {
    const { sandbox, adapter } = await rig();
    sandbox.faults.add({ path: '/cgi-bin/draft/add', fault: { kind: 'expire-token' } });
    const progress = memoryProgress();
    const outcome = await adapter().publish(wechatPost(), progress);
    expect(outcome.kind).toBe('pending');
    expect(sandbox.state.tokens.forcedRefreshes).toBe(1);
    const drafts = sandbox.records().filter((r) => r.path === '/cgi-bin/draft/add');
    expect(drafts.map((r) => r.note)).toEqual([
      expect.stringMatching(/errcode 40001/),
      expect.stringMatching(/draft .* created/),
    ]);
    expect(sandbox.state.jobs.size).toBe(1);
  });

  it('refreshes before the token expires, by the injected clock, without any refused call', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    expect((await wechat.verify()).ok).toBe(true);
    clock.advance(TOKEN_LIFETIME_MS - 4 * 60_000);
    expect((await wechat.verify()).ok).toBe(true);
    // WeChat handed back the same token (4 minutes left): kept until it expires.
    expect(sandbox.state.callCount('/cgi-bin/stable_token')).toBe(2);
    expect(sandbox.state.tokens.issued).toBe(1);
    clock.advance(5 * 60_000);
    expect((await wechat.verify()).ok).toBe(true);
    expect(sandbox.state.tokens.issued).toBe(2);
    expect(sandbox.state.tokens.forcedRefreshes).toBe(0);
    expect(sandbox.records().some((r) => /errcode (40001|42001)/.test(r.note))).toBe(false);
  });

  it('shares one token fetch, and one forced renewal, between adapters of the same account', async () => {
    const { sandbox, adapter } = await rig();
    const [a, b] = [adapter(), adapter()];
    const first = await Promise.all([a.verify(), b.verify(), a.verify()]);
    expect(first.every((o) => o.ok)).toBe(true);
    expect(sandbox.state.callCount('/cgi-bin/stable_token')).toBe(1);

    sandbox.state.expireTokens();
    const second = await Promise.all([a.verify(), b.verify()]);
    expect(second.every((o) => o.ok)).toBe(true);
    // One forced refresh: a second within 30 s would have been refused (45011).
    expect(sandbox.state.tokens.forcedRefreshes).toBe(1);
    expect(sandbox.records().some((r) => /errcode 45011/.test(r.note))).toBe(false);
  });

  it('asks for reauthorisation when WeChat refuses the renewed token too', async () => {
    const { sandbox, adapter } = await rig();
    sandbox.state.inject('/cgi-bin/freepublish/batchget', 40001, {
      times: 2,
      errmsg: 'invalid credential, access_token is invalid or not latest',
    });
    const outcome = await adapter().verify();
    expect(outcome).toMatchObject({
      ok: false,
      reauthorize: true,
      problem: { code: 'wechat.40001' },
    });
    expect(sandbox.state.tokens.forcedRefreshes).toBe(1);
    expect(sandbox.state.callCount('/cgi-bin/freepublish/batchget')).toBe(2);
  });
});

describe('WeChat adapter: busy and unavailable', () => {
  const rig = useWechatRig({ publishDelayMs: 0 });

  it('retries later on -1 at submit, then submits the same draft', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    sandbox.state.inject('/cgi-bin/freepublish/submit', -1);
    const progress = memoryProgress();
    const busy = await wechat.publish(wechatPost(), progress);
    expect(busy).toMatchObject({ kind: 'retry', problem: { code: 'wechat.-1' } });
    if (busy.kind === 'retry') expect(busy.afterMs).toBeGreaterThanOrEqual(30_000);
    expect(progress.get()['mediaId']).toBeTruthy();
    expect(progress.get()['submitSentAt']).toBe('');

    const again = await wechat.publish(wechatPost(), progress);
    expect(again.kind).toBe('pending');
    expect(sandbox.state.callCount('/cgi-bin/draft/add')).toBe(1);
    expect(sandbox.state.callCount('/cgi-bin/freepublish/submit')).toBe(2);
  });

  it('repeats a read once after -1 within the call, and hands a second -1 to the outbox', async () => {
    const { sandbox, sleeps, adapter } = await rig();
    const wechat = adapter();
    const pending = await wechat.publish(wechatPost(), memoryProgress());
    if (pending.kind !== 'pending') throw new Error('not queued');
    sandbox.state.inject('/cgi-bin/freepublish/get', -1);
    expect((await wechat.status(pending.remote)).kind).toBe('published');
    expect(sleeps).toEqual([BUSY_PAUSE_MS]);
    sandbox.state.inject('/cgi-bin/freepublish/get', -1, { times: 2 });
    const busy = await wechat.status(pending.remote);
    expect(busy).toMatchObject({ kind: 'retry', problem: { code: 'wechat.-1' } });
  });

  it('uses Retry-After on 429, and retries a 503 at submit as not done', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    sandbox.faults.add({
      path: '/cgi-bin/media/uploadimg',
      fault: { kind: 'rate-limit', retryAfterSeconds: 7 },
    });
    const limited = await wechat.publish(wechatPost(), memoryProgress());
    expect(limited).toMatchObject({ kind: 'retry', afterMs: 7_000, problem: { code: 'http.429' } });

    sandbox.faults.add({
      path: '/cgi-bin/freepublish/submit',
      fault: {
        kind: 'status',
        status: 503,
        body: 'Service Unavailable',
        contentType: 'text/plain',
      },
    });
    const progress = memoryProgress();
    const unavailable = await wechat.publish(wechatPost(), progress);
    expect(unavailable).toMatchObject({ kind: 'retry', problem: { code: 'http.503' } });
    expect(progress.get()['submitSentAt']).toBe('');
    expect((await wechat.publish(wechatPost(), progress)).kind).toBe('pending');
  });

  it('retries when WeChat cannot be reached (nothing sent)', async () => {
    const { adapter } = await rig();
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const outcome = await adapter({ settings: { apiBase: `http://127.0.0.1:${port}` } }).publish(
      wechatPost(),
      memoryProgress(),
    );
    expect(outcome).toMatchObject({ kind: 'retry', problem: { code: 'http.unreachable' } });
  });
});

describe('WeChat adapter: lost replies and reconcile', () => {
  const rig = useWechatRig({ publishDelayMs: 20_000 });

  it('submit committed but its reply lost: unknown, never resubmitted, reconcile finds it via batchget', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    sandbox.faults.add({
      path: '/cgi-bin/freepublish/submit',
      fault: { kind: 'reset-after-commit' },
    });
    const progress = memoryProgress();
    const post = wechatPost();
    const lost = await wechat.publish(post, progress);
    expect(lost.kind).toBe('unknown');
    if (lost.kind === 'unknown') expect(lost.problem.message.zh).toContain('不要');
    expect(progress.get()['mediaId']).toBeTruthy();
    expect(progress.get()['submitSentAt']).not.toBe('');
    expect(progress.get()['publishId']).toBeUndefined();

    // A later attempt does not submit blindly.
    expect((await wechat.publish(post, progress)).kind).toBe('unknown');
    expect(sandbox.state.callCount('/cgi-bin/freepublish/submit')).toBe(1);

    // Still publishing: the draft has left the box, the article is not listed yet.
    const early = await wechat.reconcile(post, progress);
    expect(early).toMatchObject({
      kind: 'undetermined',
      problem: { code: 'wechat.not-found-yet' },
    });

    clock.advance(20_000);
    const found = await wechat.reconcile(post, progress);
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(found.outcome.kind).toBe('published');
    const article = [...sandbox.state.articles.values()][0];
    expect(found.outcome.remote).toEqual({
      remoteId: article?.articleId,
      url: article?.url,
      extra: { mediaId: progress.get()['mediaId'], articleId: article?.articleId },
    });
    expect(sandbox.state.callCount('/cgi-bin/freepublish/submit')).toBe(1);
    expect(sandbox.state.articles.size).toBe(1);
  });

  it('does not take another post with the same title but another cover for this attempt', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    // A post of the same title with another cover (another material), published just before.
    const other = await wechat.publish(wechatPost({ cover: IMAGE_B }), memoryProgress());
    expect(other.kind).toBe('pending');
    sandbox.faults.add({
      path: '/cgi-bin/freepublish/submit',
      fault: { kind: 'reset-after-commit' },
    });
    sandbox.state.endNextPublishWith(3);
    const progress = memoryProgress();
    expect((await wechat.publish(wechatPost(), progress)).kind).toBe('unknown');
    clock.advance(20_000);
    const outcome = await wechat.reconcile(wechatPost(), progress);
    expect(sandbox.state.articles.size).toBe(1);
    expect(outcome).toMatchObject({
      kind: 'undetermined',
      problem: { code: 'wechat.not-found-yet' },
    });
  });

  it('submit lost before WeChat handled it: reconcile finds the draft still there, absent, and the next publish submits it', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    sandbox.faults.add({ path: '/cgi-bin/freepublish/submit', fault: { kind: 'reset-before' } });
    const progress = memoryProgress();
    const post = wechatPost();
    expect((await wechat.publish(post, progress)).kind).toBe('unknown');
    expect(sandbox.state.jobs.size).toBe(0);
    expect(await wechat.reconcile(post, progress)).toEqual({ kind: 'absent' });
    expect(progress.get()['submitSentAt']).toBe('');
    const again = await wechat.publish(post, progress);
    expect(again.kind).toBe('pending');
    expect(sandbox.state.callCount('/cgi-bin/draft/add')).toBe(1);
    clock.advance(20_000);
    if (again.kind === 'pending')
      expect((await wechat.status(again.remote)).kind).toBe('published');
  });

  it('draft/add committed but its reply lost: unknown, reconcile says absent (an orphan draft), a new publish succeeds', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    sandbox.faults.add({ path: '/cgi-bin/draft/add', fault: { kind: 'reset-after-commit' } });
    const progress = memoryProgress();
    const post = wechatPost();
    const lost = await wechat.publish(post, progress);
    expect(lost).toMatchObject({ kind: 'unknown', problem: { code: 'http.connection-lost' } });
    expect(progress.get()['mediaId']).toBeUndefined();
    expect(sandbox.state.drafts.size).toBe(1);

    expect(await wechat.reconcile(post, progress)).toEqual({ kind: 'absent' });
    const again = await wechat.publish(post, progress);
    expect(again.kind).toBe('pending');
    clock.advance(20_000);
    if (again.kind === 'pending')
      expect((await wechat.status(again.remote)).kind).toBe('published');
    // The orphan draft stays in the draft box, never public.
    expect(sandbox.state.drafts.size).toBe(1);
    expect(sandbox.state.articles.size).toBe(1);
  });

  it('reconciles by status when the publish_id was saved', async () => {
    const { clock, adapter } = await rig();
    const wechat = adapter();
    const progress = memoryProgress();
    const post = wechatPost();
    expect((await wechat.publish(post, progress)).kind).toBe('pending');
    expect(await wechat.reconcile(post, progress)).toMatchObject({
      kind: 'found',
      outcome: { kind: 'pending' },
    });
    clock.advance(20_000);
    expect(await wechat.reconcile(post, progress)).toMatchObject({
      kind: 'found',
      outcome: { kind: 'published' },
    });
  });

  it('says undetermined when the lookup itself fails', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    sandbox.faults.add({
      path: '/cgi-bin/freepublish/submit',
      fault: { kind: 'reset-after-commit' },
    });
    const progress = memoryProgress();
    expect((await wechat.publish(wechatPost(), progress)).kind).toBe('unknown');
    sandbox.faults.add({ path: '/cgi-bin/freepublish/batchget', fault: { kind: 'html-error' } });
    const outcome = await wechat.reconcile(wechatPost(), progress);
    expect(outcome.kind).toBe('undetermined');
    if (outcome.kind === 'undetermined')
      expect(outcome.problem.message.en).toMatch(/^Checking the account/);
  });
});

describe('WeChat adapter: unreadable replies', () => {
  const rig = useWechatRig({ publishDelayMs: 0 });

  it('malformed JSON from draft/add: unknown, nothing published; reconcile says absent', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    sandbox.faults.add({ path: '/cgi-bin/draft/add', fault: { kind: 'malformed-json' } });
    const progress = memoryProgress();
    const outcome = await wechat.publish(wechatPost(), progress);
    expect(outcome).toMatchObject({ kind: 'unknown', problem: { code: 'reply.malformed' } });
    if (outcome.kind === 'unknown') {
      expect(outcome.problem.message.zh).toContain('无法解析');
      expect(outcome.problem.channelSaid).toContain('{"errcode": 0');
    }
    expect(sandbox.state.jobs.size).toBe(0);
    expect(await wechat.reconcile(wechatPost(), progress)).toEqual({ kind: 'absent' });
  });

  it('an HTML error page at submit: unknown (the gateway may have passed it on), then reconciled', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    sandbox.faults.add({ path: '/cgi-bin/freepublish/submit', fault: { kind: 'html-error' } });
    const progress = memoryProgress();
    const outcome = await wechat.publish(wechatPost(), progress);
    expect(outcome).toMatchObject({ kind: 'unknown', problem: { code: 'http.502' } });
    if (outcome.kind === 'unknown') {
      expect(outcome.problem.message.en).toContain('error page');
      expect(outcome.problem.channelSaid).toContain('502 Bad Gateway');
    }
    expect(sandbox.state.articles.size).toBe(0);
    // The gateway did not pass it on: the draft is still in the box.
    expect(await wechat.reconcile(wechatPost(), progress)).toEqual({ kind: 'absent' });
    expect((await wechat.publish(wechatPost(), progress)).kind).toBe('pending');
  });

  it('an HTML page with status 200 at submit is unknown too, never published', async () => {
    const { sandbox, adapter } = await rig();
    sandbox.faults.add({
      path: '/cgi-bin/freepublish/submit',
      fault: {
        kind: 'status',
        status: 200,
        body: '<html><body>系统维护中</body></html>',
        contentType: 'text/html',
      },
    });
    const outcome = await adapter().publish(wechatPost(), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'unknown', problem: { code: 'reply.html' } });
  });

  it('a truncated submit reply is unknown; a truncated status reply is retried', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    sandbox.faults.add({ path: '/cgi-bin/freepublish/submit', fault: { kind: 'truncate' } });
    const progress = memoryProgress();
    const lost = await wechat.publish(wechatPost(), progress);
    expect(lost.kind).toBe('unknown');
    expect(progress.get()['publishId']).toBeUndefined();
    const found = await wechat.reconcile(wechatPost(), progress);
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;

    sandbox.faults.add({ path: '/cgi-bin/freepublish/get', fault: { kind: 'truncate' } });
    const job = [...sandbox.state.jobs.values()][0];
    const status = await wechat.status({ remoteId: job?.publishId ?? '', url: null });
    expect(status.kind).toBe('retry');
  });

  it('a reply of the wrong shape is a clear problem, not a success', async () => {
    const { sandbox, adapter } = await rig();
    sandbox.faults.add({
      path: '/cgi-bin/freepublish/submit',
      fault: { kind: 'status', status: 200, body: '{"errcode":0,"errmsg":"ok"}' },
    });
    const outcome = await adapter().publish(wechatPost(), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'unknown', problem: { code: 'reply.unexpected' } });
  });

  it('an unreadable token reply is retried (nothing else was sent)', async () => {
    const { sandbox, adapter } = await rig();
    sandbox.faults.add({ path: '/cgi-bin/stable_token', fault: { kind: 'malformed-json' } });
    const progress = memoryProgress();
    const outcome = await adapter().publish(wechatPost(), progress);
    expect(outcome).toMatchObject({ kind: 'retry', problem: { code: 'reply.malformed' } });
    expect(sandbox.state.callCount('/cgi-bin/media/uploadimg')).toBe(0);
  });
});
