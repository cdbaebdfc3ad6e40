import { describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { COVER, IMAGE_A, IMAGE_B, mediaFile, useWechatRig, wechatPost } from './wechatFixtures.ts';
import { solidPng } from '../../../fixtures/images.ts';

describe('WeChat adapter: connection test', () => {
  const rig = useWechatRig();

  it('passes with the sandbox account and names the AppID', async () => {
    const { sandbox, adapter } = await rig();
    const outcome = await adapter().verify();
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.accountName).toContain(sandbox.account.settings.appId);
      const appId = sandbox.account.settings.appId;
      expect(outcome.details[0]).toEqual({ zh: `AppID：${appId}`, en: `AppID: ${appId}` });
      expect(outcome.details).toContainEqual({
        zh: '这台电脑的 IP 地址在公众号的 IP 白名单中。',
        en: 'This computer’s IP address is on the account’s IP whitelist.',
      });
    }
    expect(sandbox.state.callCount('/cgi-bin/stable_token')).toBe(1);
    expect(sandbox.state.callCount('/cgi-bin/freepublish/batchget')).toBe(1);
  });

  it('tells them to whitelist this computer’s IP (40164), naming the IP, without reauthorising', async () => {
    const { sandbox, adapter } = await rig();
    sandbox.state.ipWhitelisted = false;
    const outcome = await adapter().verify();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problem.code).toBe('wechat.40164');
      expect(outcome.problem.message.zh).toContain('设置与开发 → 基本配置 → IP白名单');
      expect(outcome.problem.message.zh).toContain('203.0.113.10');
      expect(outcome.problem.message.en).toContain('203.0.113.10');
      expect(outcome.problem.channelSaid).toMatch(/not in whitelist/);
      expect(outcome.reauthorize).toBe(false);
    }
  });

  it('says the publishing APIs need a verified account (48001)', async () => {
    const { sandbox, adapter } = await rig();
    sandbox.state.publishingAuthorised = false;
    const outcome = await adapter().verify();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problem.code).toBe('wechat.48001');
      expect(outcome.problem.message.zh).toContain('认证');
      expect(outcome.problem.message.en).toContain('verified');
      expect(outcome.reauthorize).toBe(false);
    }
  });

  it('asks for the AppSecret to be corrected when it is wrong (40125), and the AppID (40013)', async () => {
    const { adapter } = await rig();
    const wrongSecret = await adapter({ secrets: { appSecret: 'not-the-secret' } }).verify();
    expect(wrongSecret).toMatchObject({
      ok: false,
      reauthorize: true,
      problem: { code: 'wechat.40125' },
    });
    if (!wrongSecret.ok) expect(wrongSecret.problem.message.zh).toContain('AppSecret');
    const wrongId = await adapter({ settings: { appId: 'wx0000000000000000' } }).verify();
    expect(wrongId).toMatchObject({
      ok: false,
      reauthorize: true,
      problem: { code: 'wechat.40013' },
    });
    if (!wrongId.ok) expect(wrongId.problem.message.en).toContain('AppID');
  });

  it('refuses at once when no AppSecret is stored, without calling WeChat', async () => {
    const { sandbox, adapter } = await rig();
    const outcome = await adapter({ secrets: {} }).verify();
    expect(outcome).toMatchObject({
      ok: false,
      reauthorize: true,
      problem: { code: 'wechat.no-secret' },
    });
    expect(sandbox.records()).toHaveLength(0);
  });
});

describe('WeChat adapter: publishing', () => {
  const rig = useWechatRig({ publishDelayMs: 20_000 });

  it('uploads images and cover, adds the draft, submits, and follows the job to published', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    const progress = memoryProgress();
    const outcome = await wechat.publish(wechatPost(), progress);

    expect(outcome.kind).toBe('pending');
    if (outcome.kind !== 'pending') return;
    const publishId = progress.get()['publishId'];
    const mediaId = progress.get()['mediaId'];
    expect(publishId).toMatch(/^\d+$/);
    expect(outcome.remote).toEqual({
      remoteId: publishId,
      url: null,
      extra: { mediaId, publishId },
    });
    expect(outcome.checkAfterMs).toBeGreaterThanOrEqual(5_000);
    expect(outcome.checkAfterMs).toBeLessThanOrEqual(30_000);

    // What WeChat received: two in-article images, one cover material, the draft submitted.
    expect(sandbox.state.inlineUploads).toHaveLength(2);
    expect(sandbox.state.materials.size).toBe(1);
    expect(sandbox.state.drafts.size).toBe(0);
    const job = sandbox.state.jobs.get(publishId ?? '');
    expect(job?.articles[0]?.title).toBe('关于开展2025年度安全生产检查的通知');
    expect(job?.articles[0]?.content_source_url).toBe(
      'https://www.example.gov.cn/zwgk/2025/notice-1.html',
    );
    expect(job?.articles[0]?.need_open_comment).toBe(0);
    const content = job?.articles[0]?.content ?? '';
    for (const image of sandbox.state.inlineUploads) expect(content).toContain(image.url);
    expect(content).not.toContain('data:');

    // Still publishing: ask again later, never resubmit.
    const early = await wechat.status(outcome.remote);
    expect(early.kind).toBe('pending');

    clock.advance(20_000);
    const done = await wechat.status(outcome.remote);
    expect(done.kind).toBe('published');
    if (done.kind !== 'published') return;
    const articleId = done.remote.extra?.['articleId'];
    expect(articleId).toBeTruthy();
    expect(done.remote.remoteId).toBe(articleId);
    expect(done.remote.extra).toMatchObject({ mediaId, publishId });
    expect(done.remote.url).toMatch(new RegExp(`^${sandbox.url}/s/`));
    const page = await fetch(done.remote.url ?? '');
    expect(await page.text()).toContain('关于开展2025年度安全生产检查的通知');
    expect(sandbox.state.callCount('/cgi-bin/freepublish/submit')).toBe(1);
  });

  it('uploads each image and the cover once across two publications of the account', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    const first = await wechat.publish(wechatPost(), memoryProgress());
    expect(first.kind).toBe('pending');
    clock.advance(60_000);
    const second = await wechat.publish(
      wechatPost({ key: 'release-2-wechat', title: '第二篇通知', images: [IMAGE_B, IMAGE_A] }),
      memoryProgress(),
    );
    expect(second.kind).toBe('pending');
    expect(sandbox.state.callCount('/cgi-bin/media/uploadimg')).toBe(2);
    expect(sandbox.state.callCount('/cgi-bin/material/add_material')).toBe(1);
    expect(sandbox.state.jobs.size).toBe(2);
    const contents = [...sandbox.state.jobs.values()].map((j) => j.articles[0]?.content ?? '');
    for (const url of sandbox.state.inlineImages.keys()) {
      expect(contents.every((c) => c.includes(url))).toBe(true);
    }
  });

  it('sends need_open_comment from the account settings and leaves an empty digest to WeChat', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter({ settings: { openComment: true } });
    const outcome = await wechat.publish(wechatPost({ digest: '' }), memoryProgress());
    expect(outcome.kind).toBe('pending');
    const article = [...sandbox.state.jobs.values()][0]?.articles[0];
    expect(article?.need_open_comment).toBe(1);
    // WeChat's default digest: the start of the body.
    expect(article?.digest).toMatch(/^为进一步做好安全生产工作/);
  });

  it('goes to status instead of submitting again when the progress already has a publish_id', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    const progress = memoryProgress();
    expect((await wechat.publish(wechatPost(), progress)).kind).toBe('pending');
    clock.advance(20_000);
    const again = await wechat.publish(wechatPost(), progress);
    expect(again.kind).toBe('published');
    expect(sandbox.state.callCount('/cgi-bin/freepublish/submit')).toBe(1);
    expect(sandbox.state.callCount('/cgi-bin/draft/add')).toBe(1);
  });

  it('refuses an over-long title before sending anything', async () => {
    const { sandbox, adapter } = await rig();
    const title = '关于进一步加强和改进全区安全生产检查工作的通知暨二〇二五年度专项整治实施方案';
    expect(Array.from(title).length).toBeGreaterThan(32);
    const outcome = await adapter().publish(wechatPost({ title }), memoryProgress());
    expect(outcome).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: { code: 'wechat.title-too-long' },
    });
    if (outcome.kind === 'failed') {
      expect(outcome.problem.message.zh).toContain('32');
      expect(outcome.problem.message.en).toContain('nothing was sent');
    }
    expect(sandbox.records()).toHaveLength(0);
  });

  it('refuses a post without a cover, and an in-article image WeChat does not take, naming it', async () => {
    const { sandbox, adapter } = await rig();
    const noCover = await adapter().publish(wechatPost({ cover: null }), memoryProgress());
    expect(noCover).toMatchObject({ kind: 'failed', problem: { code: 'wechat.no-cover' } });
    const gif = mediaFile(Buffer.from('GIF89a-sandbox'), '动图.gif', 'image/gif');
    const badType = await adapter().publish(wechatPost({ images: [gif] }), memoryProgress());
    expect(badType).toMatchObject({ kind: 'failed', problem: { code: 'wechat.image-type' } });
    if (badType.kind === 'failed') expect(badType.problem.message.zh).toContain('动图.gif');
    const big = mediaFile(Buffer.concat([solidPng(1, 1), Buffer.alloc(1_000_000)]), '大图.png');
    const tooLarge = await adapter().publish(wechatPost({ images: [big] }), memoryProgress());
    expect(tooLarge).toMatchObject({ kind: 'failed', problem: { code: 'wechat.image-too-large' } });
    if (tooLarge.kind === 'failed') expect(tooLarge.problem.message.en).toContain('大图.png');
    expect(sandbox.records()).toHaveLength(0);
  });

  it('uploads the cover again once when WeChat no longer knows the cached material (40007)', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    expect((await wechat.publish(wechatPost(), memoryProgress())).kind).toBe('pending');
    // Someone deleted the cover material in the platform.
    sandbox.state.materials.clear();
    clock.advance(60_000);
    const second = await wechat.publish(wechatPost({ title: '第二篇' }), memoryProgress());
    expect(second.kind).toBe('pending');
    expect(sandbox.state.callCount('/cgi-bin/material/add_material')).toBe(2);
    expect(sandbox.state.callCount('/cgi-bin/draft/add')).toBe(3);
  });

  it('reads status 3 and 4 as failed, with what to do', async () => {
    const { sandbox, clock, adapter } = await rig();
    const wechat = adapter();
    sandbox.state.endNextPublishWith(3);
    sandbox.state.endNextPublishWith(4);
    const first = await wechat.publish(wechatPost(), memoryProgress());
    const second = await wechat.publish(wechatPost({ title: '第二篇' }), memoryProgress());
    clock.advance(20_000);
    if (first.kind !== 'pending' || second.kind !== 'pending') throw new Error('not queued');
    const failed = await wechat.status(first.remote);
    expect(failed).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: { code: 'wechat.publish-failed' },
    });
    if (failed.kind === 'failed') expect(failed.problem.message.zh).toContain('发表记录');
    const rejected = await wechat.status(second.remote);
    expect(rejected).toMatchObject({
      kind: 'failed',
      problem: { code: 'wechat.publish-rejected' },
    });
    if (rejected.kind === 'failed') expect(rejected.problem.message.en).toContain('review');
    expect(sandbox.state.articles.size).toBe(0);
  });

  it('fails clearly, without retrying, on 45009 (quota), 48001 and 53503 at submit', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    const cases = [
      [45009, '明天'],
      [48001, '认证'],
      [53503, '草稿箱'],
    ] as const;
    for (const [errcode, hint] of cases) {
      sandbox.state.inject('/cgi-bin/freepublish/submit', errcode);
      const progress = memoryProgress();
      const outcome = await wechat.publish(wechatPost({ title: `通知 ${errcode}` }), progress);
      expect(outcome).toMatchObject({
        kind: 'failed',
        reauthorize: false,
        problem: { code: `wechat.${errcode}` },
      });
      if (outcome.kind === 'failed') expect(outcome.problem.message.zh).toContain(hint);
      // WeChat answered: the submit surely did nothing.
      expect(progress.get()['submitSentAt']).toBe('');
    }
    expect(sandbox.state.jobs.size).toBe(0);
  });
});

describe('WeChat adapter: update and retract', () => {
  const rig = useWechatRig({ publishDelayMs: 0 });

  it('offers no edit: manual, with the article URL and where to edit', async () => {
    const { adapter } = await rig();
    const outcome = await adapter().update(
      { remoteId: 'A1', url: 'https://mp.weixin.qq.com/s/abc', extra: { articleId: 'A1' } },
      wechatPost(),
    );
    expect(outcome.kind).toBe('manual');
    if (outcome.kind === 'manual') {
      expect(outcome.url).toBe('https://mp.weixin.qq.com/s/abc');
      expect(outcome.instructions.message.zh).toContain('公众号后台');
      expect(outcome.instructions.message.en).toContain('correction');
    }
  });

  it('deletes the article, and a second retraction (53600: already deleted) is done too', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    const pending = await wechat.publish(wechatPost(), memoryProgress());
    if (pending.kind !== 'pending') throw new Error('not queued');
    const published = await wechat.status(pending.remote);
    if (published.kind !== 'published') throw new Error('not published');
    const first = await wechat.retract(published.remote);
    expect(first).toEqual({ kind: 'done', remote: published.remote });
    const article = sandbox.state.articles.get(published.remote.extra?.['articleId'] ?? '');
    expect(article?.deleted).toBe(true);
    const second = await wechat.retract(published.remote);
    expect(second.kind).toBe('done');
    expect(sandbox.records().at(-1)?.note).toMatch(/errcode 53600/);
    // The job now reads as deleted after publishing.
    expect(await wechat.status(pending.remote)).toMatchObject({
      kind: 'failed',
      problem: { code: 'wechat.publish-deleted' },
    });
  });

  it('retracts with only the publish_id known (finds the article_id first)', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    const pending = await wechat.publish(wechatPost(), memoryProgress());
    if (pending.kind !== 'pending') throw new Error('not queued');
    const outcome = await wechat.retract(pending.remote);
    expect(outcome.kind).toBe('done');
    expect([...sandbox.state.articles.values()].every((a) => a.deleted)).toBe(true);
  });

  it('fails retraction on 48001 without reauthorising', async () => {
    const { sandbox, adapter } = await rig();
    const wechat = adapter();
    const pending = await wechat.publish(wechatPost(), memoryProgress());
    if (pending.kind !== 'pending') throw new Error('not queued');
    const published = await wechat.status(pending.remote);
    if (published.kind !== 'published') throw new Error('not published');
    sandbox.state.publishingAuthorised = false;
    const outcome = await wechat.retract(published.remote);
    expect(outcome).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: { code: 'wechat.48001' },
    });
  });
});

describe('WeChat adapter: images used with their own bytes', () => {
  const rig = useWechatRig();

  it('keeps every in-article image WeChat hosts (none stripped from the draft)', async () => {
    const { sandbox, adapter } = await rig();
    const outcome = await adapter().publish(
      wechatPost({ images: [IMAGE_A, COVER] }),
      memoryProgress(),
    );
    expect(outcome.kind).toBe('pending');
    const content = [...sandbox.state.jobs.values()][0]?.articles[0]?.content ?? '';
    expect(content.match(/<img /g)).toHaveLength(2);
  });
});
