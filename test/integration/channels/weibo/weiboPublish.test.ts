import { describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { WEIBO_PENDING_SINCE } from '../../../../src/core/channels/weibo/weiboPublish.ts';
import { JPEG_2x3, PNG_1x1 } from '../../../fixtures/images.ts';
import { PORTAL_URL, mediaFile, useWeiboSandbox, weiboPost } from './weiboTestKit.ts';

const TEXT = `【关于开展2025年政务公开工作的通知】区政府部署年度政务公开工作。 ${PORTAL_URL}`;

describe('Weibo adapter: publishing to the sandbox', () => {
  const kit = useWeiboSandbox();

  it('publishes a text status and keeps its idstr and web address', async () => {
    const sandbox = await kit.start();
    const outcome = await kit.adapter(sandbox).publish(weiboPost(TEXT), memoryProgress());
    expect(sandbox.sim.statuses).toHaveLength(1);
    const [status] = sandbox.sim.statuses;
    expect(outcome).toEqual({
      kind: 'published',
      remote: {
        remoteId: status?.idstr,
        url: `https://weibo.com/${sandbox.sim.uid}/${status?.mid}`,
      },
    });
    expect(status?.sentText).toBe(TEXT);
    expect(status?.rip).toBe('127.0.0.1');
    // Weibo keeps the link shortened: the long URL is gone from what it returns.
    expect(status?.text).toMatch(
      /^【关于开展2025年政务公开工作的通知】区政府部署年度政务公开工作。 http:\/\/t\.cn\/\w{7}$/,
    );
    expect(sandbox.sim.links.expand(status?.text.split(' ')[1] ?? '')).toBe(PORTAL_URL);
  });

  it('leaves rip out when the account has no client IP', async () => {
    const sandbox = await kit.start({ requireRip: true });
    const outcome = await kit
      .adapter(sandbox, { settings: { clientIp: '' } })
      .publish(weiboPost(TEXT), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'failed', problem: { code: 'weibo.10016' } });
  });

  it('sends an image as `pic` in a multipart request', async () => {
    const sandbox = await kit.start();
    const png = await kit
      .adapter(sandbox)
      .publish(weiboPost(TEXT, mediaFile(PNG_1x1, 'image/png', '封面.png')), memoryProgress());
    expect(png.kind).toBe('published');
    expect(sandbox.sim.statuses[0]?.pic).toEqual({ type: 'image/png', bytes: PNG_1x1.length });
    const jpeg = await kit
      .adapter(sandbox)
      .publish(
        weiboPost(`第二条 ${PORTAL_URL}`, mediaFile(JPEG_2x3, 'image/jpeg', 'b.jpg')),
        memoryProgress(),
      );
    expect(jpeg.kind).toBe('published');
    expect(sandbox.sim.statuses[1]?.pic?.type).toBe('image/jpeg');
  });

  it('refuses, before sending anything, a text without a link, too long, or a wrong image', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const noLink = await adapter.publish(weiboPost('没有链接的微博'), memoryProgress());
    expect(noLink).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: { code: 'weibo.no-link' },
    });
    expect(noLink.kind === 'failed' && noLink.problem.message.en).toMatch(/10017/);
    // 135 CJK + space + URL: ceil((270 + 1 + 20) / 2) = 146 > 140.
    const long = await adapter.publish(
      weiboPost(`${'政'.repeat(135)} ${PORTAL_URL}`),
      memoryProgress(),
    );
    expect(long).toMatchObject({ kind: 'failed', problem: { code: 'weibo.too-long' } });
    expect(long.kind === 'failed' && long.problem.message.en).toMatch(/counts 146 characters/);
    const webp = await adapter.publish(
      weiboPost(TEXT, mediaFile(Buffer.from('RIFF0000WEBP'), 'image/webp', '图.webp')),
      memoryProgress(),
    );
    expect(webp).toMatchObject({ kind: 'failed', problem: { code: 'weibo.image-type' } });
    expect(webp.kind === 'failed' && webp.problem.message.zh).toContain('图.webp');
    const big = Buffer.alloc(5 * 1024 * 1024, 0);
    PNG_1x1.copy(big);
    const tooBig = await adapter.publish(
      weiboPost(TEXT, mediaFile(big, 'image/png', 'huge.png')),
      memoryProgress(),
    );
    expect(tooBig).toMatchObject({ kind: 'failed', problem: { code: 'weibo.image-too-large' } });
    expect(tooBig.kind === 'failed' && tooBig.problem.message.en).toContain('"huge.png" is 5.0 MB');
    const unreadable = await adapter.publish(
      weiboPost(TEXT, {
        ...mediaFile(PNG_1x1, 'image/png', 'gone.png'),
        read: () => Promise.reject(new Error('ENOENT: no such file')),
      }),
      memoryProgress(),
    );
    expect(unreadable).toMatchObject({
      kind: 'failed',
      problem: { code: 'weibo.image-unreadable', channelSaid: 'ENOENT: no such file' },
    });
    expect(sandbox.records()).toEqual([]);
  });

  it('fails with the safe-domain advice when Weibo answers 10017', async () => {
    const sandbox = await kit.start({ safeDomains: ['tongzhou.gov.cn'] });
    const outcome = await kit
      .adapter(sandbox)
      .publish(weiboPost('见 https://example.com/a'), memoryProgress());
    expect(outcome).toMatchObject({
      kind: 'failed',
      reauthorize: false,
      problem: { code: 'weibo.10017' },
    });
    expect(outcome.kind === 'failed' && outcome.problem.message.en).toMatch(/safe domain/);
    expect(outcome.kind === 'failed' && outcome.problem.channelSaid).toMatch(/^10017 Parameter/);
    expect(sandbox.sim.statuses).toEqual([]);
  });

  it('asks for re-authorisation when the token is expired or unknown', async () => {
    const sandbox = await kit.start();
    kit.clock.advance(7 * 24 * 3_600_000); // the sandbox token lasts 7 days
    const expired = await kit.adapter(sandbox).publish(weiboPost(TEXT), memoryProgress());
    expect(expired).toMatchObject({
      kind: 'failed',
      reauthorize: true,
      problem: { code: 'weibo.21327', channelSaid: '21327 expired_token' },
    });
    const unknown = await kit
      .adapter(sandbox, { secrets: { accessToken: '2.00forged' } })
      .publish(weiboPost(TEXT), memoryProgress());
    expect(unknown).toMatchObject({
      kind: 'failed',
      reauthorize: true,
      problem: { code: 'weibo.21332' },
    });
    const none = await kit
      .adapter(sandbox, { secrets: {} })
      .publish(weiboPost(TEXT), memoryProgress());
    expect(none).toMatchObject({
      kind: 'failed',
      reauthorize: true,
      problem: { code: 'weibo.no-token' },
    });
  });

  it('retries after posting too often (20016) and after the hourly quota (10023)', async () => {
    const sandbox = await kit.start({ postsPerMinute: 1, requestsPerHour: 3 });
    const adapter = kit.adapter(sandbox);
    expect((await adapter.publish(weiboPost(TEXT), memoryProgress())).kind).toBe('published');
    const progress = memoryProgress();
    const tooOften = await adapter.publish(weiboPost(`另一条 ${PORTAL_URL}`), progress);
    expect(tooOften).toMatchObject({
      kind: 'retry',
      afterMs: 5 * 60_000,
      problem: { code: 'weibo.20016' },
    });
    // Nothing landed: no attempt is left for reconcile to look for.
    expect(progress.get()[WEIBO_PENDING_SINCE]).toBe('');
    kit.clock.advance(61_000);
    expect((await adapter.publish(weiboPost(`第三条 ${PORTAL_URL}`), memoryProgress())).kind).toBe(
      'published',
    );
    kit.clock.advance(61_000);
    const quota = await adapter.publish(weiboPost(`第四条 ${PORTAL_URL}`), memoryProgress());
    expect(quota).toMatchObject({
      kind: 'retry',
      afterMs: 15 * 60_000,
      problem: { code: 'weibo.10023' },
    });
    expect(sandbox.sim.statuses).toHaveLength(2);
  });

  it('retries after a 429 from a front server at its Retry-After', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({
      path: '/2/statuses/share.json',
      fault: { kind: 'rate-limit', retryAfterSeconds: 120 },
    });
    const outcome = await kit.adapter(sandbox).publish(weiboPost(TEXT), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'retry', afterMs: 120_000 });
    expect(sandbox.sim.statuses).toEqual([]);
  });
});
