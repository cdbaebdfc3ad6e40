import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { memoryUploadCache } from '../../../../src/core/channels/adapterOptions.ts';
import { createAppfeedAdapter } from '../../../../src/core/channels/appfeed/appfeedAdapter.ts';
import {
  JsonFeedDocumentSchema,
  RETRACTED_TEXT,
  type JsonFeedDocument,
} from '../../../../src/core/channels/appfeed/jsonFeedDocument.ts';
import {
  newWebhookSecret,
  startAppfeedSandbox,
  type AppfeedSandbox,
} from '../../../../src/core/channels/appfeed/sandbox/appBackendSimulator.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import type { SettingsOf } from '../../../../src/shared/channels/accountSettings.ts';
import { solidPng } from '../../../fixtures/images.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';
import { PHOTO, appfeedPost, mediaFile } from './appfeedPost.ts';

const tempDir = useTempDirs();
const clock = manualClock('2025-03-01T02:00:00Z');
const sandboxes: AppfeedSandbox[] = [];

afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
  clock.set('2025-03-01T02:00:00Z');
});

async function setUp(change: { settings?: Partial<SettingsOf<'appfeed'>>; secret?: string } = {}) {
  const feedDir = tempDir();
  const sandbox = await startAppfeedSandbox({ feedDir, now: () => clock.now() });
  sandboxes.push(sandbox);
  const settings = { ...sandbox.account.settings, ...change.settings };
  const adapter = createAppfeedAdapter({
    settings,
    secrets: { webhookSecret: change.secret ?? sandbox.account.secrets.webhookSecret ?? '' },
    clock,
    uploads: memoryUploadCache(),
  });
  return { sandbox, adapter, feedDir };
}

function feedIn(dir: string): JsonFeedDocument {
  return JsonFeedDocumentSchema.parse(JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')));
}

describe('app feed adapter against the app backend simulator', () => {
  it('publish writes a valid feed with the item and its image, and the backend gets one verified event', async () => {
    const { sandbox, adapter, feedDir } = await setUp();
    const post = appfeedPost();
    const outcome = await adapter.publish(post, memoryProgress());
    expect(outcome).toEqual({
      kind: 'published',
      remote: { remoteId: 'draft-7f3a', url: 'https://www.example.gov.cn/art/draft-7f3a.html' },
    });

    const feed = feedIn(feedDir);
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: '区客户端（沙箱）',
      feed_url: `${sandbox.url}/feed.json`,
      home_page_url: `${sandbox.url}/`,
    });
    expect(feed.items.map((i) => i.id)).toEqual(['draft-7f3a']);

    // The feed as the app reads it, and the image it points to.
    const served = await fetch(`${sandbox.url}/feed.json`);
    expect(served.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const item = JsonFeedDocumentSchema.parse(await served.json()).items[0];
    const hash = mediaFile(PHOTO).hash;
    expect(item?.image).toBe(`${sandbox.url}/media/${hash}.png`);
    expect(item?.content_html).toContain(`src="${sandbox.url}/media/${hash}.png"`);
    const image = await fetch(item?.image ?? '');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PHOTO)).toBe(true);

    const events = sandbox.backend.events();
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toEqual({
      type: 'release.published',
      timestamp: '2025-03-01T02:00:00.000Z',
      data: {
        id: 'draft-7f3a',
        url: 'https://www.example.gov.cn/art/draft-7f3a.html',
        title: '关于2025年春节假期安排的通知',
        feed_url: `${sandbox.url}/feed.json`,
      },
    });
    expect(events[0]?.timestamp).toBe(clock.now().getTime() / 1000);
  });

  it('a lost reply (reset after commit) is a retry; the retry re-sends only the webhook and the backend keeps one event', async () => {
    const { sandbox, adapter, feedDir } = await setUp();
    sandbox.faults.add({
      method: 'POST',
      path: '/webhooks',
      fault: { kind: 'reset-after-commit' },
    });
    const post = appfeedPost();
    const progress = memoryProgress();
    const first = await adapter.publish(post, progress);
    expect(first).toMatchObject({ kind: 'retry', problem: { code: 'appfeed.webhook-lost' } });
    if (first.kind !== 'retry') throw new Error('expected retry');
    expect(first.problem.message.en).toMatch(/already in the app feed/);
    expect(progress.get()).toMatchObject({ 'appfeed.feedWritten': 'draft-7f3a' });
    const inodeBefore = statSync(join(feedDir, 'feed.json')).ino;

    clock.advance(first.afterMs);
    const second = await adapter.publish(post, progress);
    expect(second).toMatchObject({ kind: 'published', remote: { remoteId: 'draft-7f3a' } });
    // The feed file was not rewritten by the retry.
    expect(statSync(join(feedDir, 'feed.json')).ino).toBe(inodeBefore);

    const events = sandbox.backend.events();
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('release.published');
    const deliveries = sandbox.backend.deliveries();
    expect(deliveries.map((d) => d.outcome)).toEqual(['accepted', 'duplicate']);
    expect(deliveries[0]?.id).toBe(deliveries[1]?.id);
    // Each attempt is signed afresh with its own timestamp, and the receiver verified both.
    expect(sandbox.records().map((r) => r.status)).toEqual([0, 200]);
  });

  it('re-publishing the same release replaces its item (one item, same id)', async () => {
    const { adapter, feedDir } = await setUp();
    await adapter.publish(appfeedPost(), memoryProgress());
    clock.advance(60_000);
    expect(
      await adapter.publish(
        appfeedPost({ title: '关于春节假期安排的通知（更正）' }),
        memoryProgress(),
      ),
    ).toMatchObject({ kind: 'published' });
    const feed = feedIn(feedDir);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      id: 'draft-7f3a',
      title: '关于春节假期安排的通知（更正）',
    });
  });

  it('410: failed, telling them to fix the webhook address and that the feed was written', async () => {
    const { sandbox, adapter, feedDir } = await setUp();
    sandbox.backend.refuse({ status: 410 });
    const outcome = await adapter.publish(appfeedPost(), memoryProgress());
    expect(outcome).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: {
        channel: 'appfeed',
        code: 'appfeed.webhook-gone',
        channelSaid: expect.stringMatching(/^HTTP 410: endpoint_disabled/),
      },
    });
    if (outcome.kind !== 'failed') throw new Error('expected failed');
    expect(outcome.problem.message.en).toMatch(
      /correct the webhook address in the account settings/,
    );
    expect(outcome.problem.message.en).toMatch(/already in the app feed/);
    expect(outcome.problem.message.zh).toMatch(/Webhook 地址.*已写入客户端信息流/);
    expect(feedIn(feedDir).items.map((i) => i.id)).toEqual(['draft-7f3a']);
    expect(sandbox.backend.events()).toHaveLength(0);
  });

  it('429 with Retry-After: retry after that delay, then published', async () => {
    const { sandbox, adapter } = await setUp();
    sandbox.backend.refuse({ status: 429, retryAfterSeconds: 120 });
    const progress = memoryProgress();
    const first = await adapter.publish(appfeedPost(), progress);
    expect(first).toMatchObject({
      kind: 'retry',
      afterMs: 120_000,
      problem: { code: 'appfeed.webhook-rate-limited' },
    });
    clock.advance(120_000);
    expect(await adapter.publish(appfeedPost(), progress)).toMatchObject({ kind: 'published' });
    expect(sandbox.backend.events()).toHaveLength(1);
  });

  it('503 with Retry-After and a proxy HTML page: retry', async () => {
    const { sandbox, adapter } = await setUp();
    sandbox.backend.refuse({ status: 503, retryAfterSeconds: 30 });
    const progress = memoryProgress();
    expect(await adapter.publish(appfeedPost(), progress)).toMatchObject({
      kind: 'retry',
      afterMs: 30_000,
      problem: { code: 'appfeed.webhook-unavailable' },
    });
    sandbox.faults.add({
      method: 'POST',
      path: '/webhooks',
      fault: { kind: 'html-error', status: 502 },
    });
    expect(await adapter.publish(appfeedPost(), progress)).toMatchObject({
      kind: 'retry',
      problem: { channelSaid: expect.stringContaining('502 Bad Gateway') },
    });
    expect(await adapter.publish(appfeedPost(), progress)).toMatchObject({ kind: 'published' });
  });

  it('a malformed secret: a clear problem, nothing written, nothing sent', async () => {
    const { sandbox, adapter, feedDir } = await setUp({ secret: 'whsec_not base64!' });
    const outcome = await adapter.publish(appfeedPost(), memoryProgress());
    expect(outcome).toMatchObject({
      kind: 'failed',
      reauthorize: true,
      problem: { code: 'appfeed.secret-base64' },
    });
    if (outcome.kind !== 'failed') throw new Error('expected failed');
    expect(outcome.problem.message.en).toMatch(
      /not valid base64.*enter it again in the account settings/,
    );
    expect(JSON.stringify(outcome.problem)).not.toContain('not base64!');
    expect(existsSync(join(feedDir, 'feed.json'))).toBe(false);
    expect(sandbox.records()).toHaveLength(0);

    const { adapter: missing } = await setUp({ secret: '' });
    expect(await missing.publish(appfeedPost(), memoryProgress())).toMatchObject({
      kind: 'failed',
      problem: { code: 'appfeed.secret-missing' },
    });
  });

  it('a well-formed secret the backend does not hold (or one it rotated away): 401, failed, renew the secret', async () => {
    const { sandbox, adapter } = await setUp({ secret: newWebhookSecret() });
    expect(await adapter.publish(appfeedPost(), memoryProgress())).toMatchObject({
      kind: 'failed',
      reauthorize: true,
      problem: {
        code: 'appfeed.webhook-signature-refused',
        channelSaid: expect.stringContaining('401'),
      },
    });
    expect(sandbox.backend.deliveries().map((d) => d.outcome)).toEqual(['bad-signature']);

    const second = await setUp();
    second.sandbox.faults.add({
      method: 'POST',
      path: '/webhooks',
      fault: { kind: 'expire-token' },
    });
    expect(await second.adapter.publish(appfeedPost(), memoryProgress())).toMatchObject({
      kind: 'failed',
      reauthorize: true,
    });
    expect(second.sandbox.backend.events()).toHaveLength(0);
  });

  it('during a rotation the backend accepts the old secret beside the new one', async () => {
    const { sandbox, adapter } = await setUp();
    const old = sandbox.account.secrets.webhookSecret ?? '';
    sandbox.backend.setSecrets([newWebhookSecret(), old]);
    expect(await adapter.publish(appfeedPost(), memoryProgress())).toMatchObject({
      kind: 'published',
    });
    expect(sandbox.backend.events()).toHaveLength(1);
  });

  it('a desk clock 6 minutes off: the backend refuses the timestamp (400), the outcome says so', async () => {
    const { sandbox, adapter } = await setUp();
    const skewed = createAppfeedAdapter({
      settings: sandbox.account.settings,
      secrets: sandbox.account.secrets,
      clock: { now: () => new Date(clock.now().getTime() - 6 * 60_000) },
      uploads: memoryUploadCache(),
    });
    const outcome = await skewed.publish(appfeedPost(), memoryProgress());
    expect(outcome).toMatchObject({
      kind: 'failed',
      problem: {
        code: 'appfeed.webhook-http-400',
        channelSaid: expect.stringContaining('too_old'),
      },
    });
    expect(sandbox.backend.events()).toHaveLength(0);
    expect(await adapter.publish(appfeedPost(), memoryProgress())).toMatchObject({
      kind: 'published',
    });
  });

  it('update replaces the item, bumps date_modified, keeps date_published; a repeat sends no second event', async () => {
    const { sandbox, adapter, feedDir } = await setUp();
    const published = await adapter.publish(appfeedPost(), memoryProgress());
    if (published.kind !== 'published') throw new Error('expected published');
    clock.advance(3_600_000);
    const changed = appfeedPost({ title: '关于2025年春节假期安排的通知（修订）' });
    expect(await adapter.update(published.remote, changed)).toMatchObject({
      kind: 'done',
      remote: { remoteId: 'draft-7f3a' },
    });
    const feed = feedIn(feedDir);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      id: 'draft-7f3a',
      title: '关于2025年春节假期安排的通知（修订）',
      date_published: '2025-01-20T01:00:00.000Z',
      date_modified: '2025-03-01T03:00:00.000Z',
    });

    clock.advance(60_000);
    expect(await adapter.update(published.remote, changed)).toMatchObject({ kind: 'done' });
    expect(feedIn(feedDir).items[0]?.date_modified).toBe('2025-03-01T03:00:00.000Z');
    expect(sandbox.backend.events().map((e) => e.type)).toEqual([
      'release.published',
      'release.updated',
    ]);
    expect(sandbox.backend.events()[1]?.payload).toMatchObject({
      timestamp: '2025-03-01T03:00:00.000Z',
      data: { id: 'draft-7f3a', title: '关于2025年春节假期安排的通知（修订）' },
    });
    expect(sandbox.backend.deliveries().at(-1)?.outcome).toBe('duplicate');
  });

  it('retract leaves a tombstone, stops serving its image, notifies once; update after it is refused', async () => {
    const { sandbox, adapter, feedDir } = await setUp();
    const other = appfeedPost({
      releaseId: 'draft-other',
      key: 'pub-other-appfeed',
      images: [mediaFile(solidPng(2, 2, [0, 200, 0]), 'green.png')],
    });
    await adapter.publish(other, memoryProgress());
    const published = await adapter.publish(appfeedPost(), memoryProgress());
    if (published.kind !== 'published') throw new Error('expected published');
    const hash = mediaFile(PHOTO).hash;
    expect((await fetch(`${sandbox.url}/media/${hash}.png`)).status).toBe(200);

    clock.advance(86_400_000);
    expect(await adapter.retract(published.remote)).toMatchObject({ kind: 'done' });
    const feed = feedIn(feedDir);
    const stone = feed.items.find((i) => i.id === 'draft-7f3a');
    expect(stone).toEqual({
      id: 'draft-7f3a',
      content_text: RETRACTED_TEXT,
      date_published: '2025-01-20T01:00:00.000Z',
      date_modified: '2025-03-02T02:00:00.000Z',
      language: 'zh-CN',
      _retracted: { at: '2025-03-02T02:00:00.000Z' },
    });
    expect(stone).not.toHaveProperty('content_html');
    expect((await fetch(`${sandbox.url}/media/${hash}.png`)).status).toBe(404);
    const otherImage = feed.items.find((i) => i.id === 'draft-other')?.image ?? '';
    expect((await fetch(otherImage)).status).toBe(200);

    clock.advance(60_000);
    expect(await adapter.retract(published.remote)).toMatchObject({ kind: 'done' });
    const retracted = sandbox.backend.events().filter((e) => e.type === 'release.retracted');
    expect(retracted).toHaveLength(1);
    expect(retracted[0]?.payload).toMatchObject({
      timestamp: '2025-03-02T02:00:00.000Z',
      data: { id: 'draft-7f3a', feed_url: `${sandbox.url}/feed.json` },
    });
    expect(sandbox.backend.deliveries().at(-1)?.outcome).toBe('duplicate');

    expect(await adapter.update(published.remote, appfeedPost())).toMatchObject({
      kind: 'failed',
      problem: { code: 'appfeed.update-retracted' },
    });
  });

  it('reconcile looks the item up in the feed file', async () => {
    const { adapter } = await setUp();
    const post = appfeedPost();
    expect(await adapter.reconcile(post, memoryProgress())).toEqual({ kind: 'absent' });
    const published = await adapter.publish(post, memoryProgress());
    expect(
      await adapter.reconcile(appfeedPost({ releaseId: 'draft-none' }), memoryProgress()),
    ).toEqual({ kind: 'absent' });
    expect(await adapter.reconcile(post, memoryProgress())).toEqual({
      kind: 'found',
      outcome: published,
    });
    if (published.kind !== 'published') throw new Error('expected published');
    await adapter.retract(published.remote);
    expect(await adapter.reconcile(post, memoryProgress())).toMatchObject({
      kind: 'undetermined',
      problem: { code: 'appfeed.reconcile-retracted' },
    });
    expect(await adapter.status(published.remote)).toEqual(published);
  });

  it('without a webhook address: the feed only', async () => {
    const { sandbox, adapter, feedDir } = await setUp({ settings: { webhookUrl: '' }, secret: '' });
    expect(await adapter.publish(appfeedPost(), memoryProgress())).toMatchObject({
      kind: 'published',
    });
    expect(feedIn(feedDir).items).toHaveLength(1);
    expect(sandbox.backend.deliveries()).toHaveLength(0);
    const verified = await adapter.verify();
    expect(verified.ok && verified.details).toContainEqual({
      zh: '没有设置 Webhook 地址：客户端只能从信息流得知新发布的稿件。',
      en: 'No webhook address is set: the app learns of releases from the feed only.',
    });
  });

  it('an image type the feed does not serve: failed, nothing written', async () => {
    const { adapter, feedDir } = await setUp();
    const svg = mediaFile(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'logo.svg',
      'image/svg+xml',
    );
    expect(await adapter.publish(appfeedPost({ images: [svg] }), memoryProgress())).toMatchObject({
      kind: 'failed',
      problem: { code: 'appfeed.media-type' },
    });
    expect(existsSync(join(feedDir, 'feed.json'))).toBe(false);
  });

  it('a feed file it cannot read: failed, and the file is left as it was', async () => {
    const { adapter, feedDir } = await setUp();
    writeFileSync(join(feedDir, 'feed.json'), '<html>oops</html>');
    expect(await adapter.publish(appfeedPost(), memoryProgress())).toMatchObject({
      kind: 'failed',
      problem: { code: 'appfeed.feed-unreadable' },
    });
    expect(readFileSync(join(feedDir, 'feed.json'), 'utf8')).toBe('<html>oops</html>');
  });

  it('verify checks the folder, the addresses, the secret, and pings the backend with a fresh id each time', async () => {
    const { sandbox, adapter } = await setUp();
    const first = await adapter.verify();
    expect(first).toMatchObject({ ok: true, accountName: '区客户端（沙箱）' });
    if (!first.ok) throw new Error('expected ok');
    const en = first.details.map((d) => d.en);
    const zh = first.details.map((d) => d.zh);
    expect(en).toContain(
      `Feed address ${sandbox.url}/feed.json and home page ${sandbox.url}/ are well-formed.`,
    );
    expect(en).toContain('The webhook secret is well-formed.');
    expect(en).toContainEqual(expect.stringMatching(/^The feed folder .+ is writable\.$/));
    expect(en).toContain('There is no feed.json yet; the first release creates it.');
    expect(en).toContainEqual(
      expect.stringMatching(/accepted a signed test event \(HTTP 200\)\.$/),
    );
    expect(zh).toContain('Webhook 密钥格式正确。');
    expect(zh).toContainEqual(expect.stringMatching(/^信息流文件夹（.+）可写入。$/));
    expect(zh).toContain('还没有 feed.json，发布第一篇稿件时会自动生成。');
    expect(zh).toContainEqual(expect.stringMatching(/接受了一条带签名的测试通知（HTTP 200）。$/));
    // No line mixes the languages any more.
    expect(zh.every((line) => /[\u4e00-\u9fff]/.test(line))).toBe(true);
    await adapter.verify();
    const pings = sandbox.backend.events().filter((e) => e.type === 'ping');
    expect(pings).toHaveLength(2);
    expect(pings[0]?.id).not.toBe(pings[1]?.id);
    expect(pings[0]?.payload.data).toEqual({ feed_url: `${sandbox.url}/feed.json` });
  });

  it('verify reports a folder it cannot write, a secret the backend refuses, and a gone endpoint', async () => {
    const blocked = tempDir();
    writeFileSync(join(blocked, 'file'), 'x');
    const { adapter: badDir } = await setUp({
      settings: { feedDir: join(blocked, 'file', 'feed') },
    });
    expect(await badDir.verify()).toMatchObject({
      ok: false,
      problem: { code: 'appfeed.feed-dir' },
    });

    const { adapter: badSecret } = await setUp({ secret: newWebhookSecret() });
    expect(await badSecret.verify()).toMatchObject({
      ok: false,
      reauthorize: true,
      problem: { code: 'appfeed.webhook-signature-refused' },
    });

    const { sandbox, adapter } = await setUp();
    sandbox.backend.refuse({ status: 410 });
    expect(await adapter.verify()).toMatchObject({
      ok: false,
      reauthorize: false,
      problem: { code: 'appfeed.webhook-gone' },
    });
  });

  it('states every call safe to repeat, with the reason', async () => {
    const { adapter } = await setUp();
    expect(adapter.repeatSafety.publish).toMatchObject({
      safe: true,
      why: expect.stringMatching(/webhook-id/),
    });
    expect(adapter.repeatSafety.update.safe).toBe(true);
    expect(adapter.repeatSafety.retract.safe).toBe(true);
  });
});
