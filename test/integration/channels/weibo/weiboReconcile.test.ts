import { describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { WEIBO_PENDING_SINCE } from '../../../../src/core/channels/weibo/weiboPublish.ts';
import { PORTAL_URL, closedPort, useWeiboSandbox, weiboPost } from './weiboTestKit.ts';

const TEXT = `【区政府召开常务会议】研究部署近期重点工作。 ${PORTAL_URL}`;
const SHARE = '/2/statuses/share.json';

describe('Weibo adapter: lost replies, duplicates and reconciliation', () => {
  const kit = useWeiboSandbox();

  it('after a reply lost once the status was made: unknown, then 20019 unknown, then found in the timeline', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: SHARE, fault: { kind: 'reset-after-commit' } });
    const lost = await adapter.publish(weiboPost(TEXT), progress);
    expect(lost).toMatchObject({ kind: 'unknown', problem: { code: 'http.connection-lost' } });
    expect(lost.kind === 'unknown' && lost.problem.message.en).toMatch(
      /checks the account’s timeline/,
    );
    expect(sandbox.sim.statuses).toHaveLength(1);
    expect(progress.get()[WEIBO_PENDING_SINCE]).toBe('2025-03-01T02:00:00.000Z');

    kit.clock.advance(60_000);
    const repeated = await adapter.publish(weiboPost(TEXT), progress);
    expect(repeated).toMatchObject({
      kind: 'unknown',
      problem: { code: 'weibo.20019', channelSaid: '20019 Repeat content!' },
    });
    expect(sandbox.sim.statuses).toHaveLength(1);
    // The earliest outstanding attempt is kept.
    expect(progress.get()[WEIBO_PENDING_SINCE]).toBe('2025-03-01T02:00:00.000Z');

    const [status] = sandbox.sim.statuses;
    expect(status?.text).toContain('http://t.cn/');
    expect(status?.text).not.toContain(PORTAL_URL);
    const reconciled = await adapter.reconcile(weiboPost(TEXT), progress);
    expect(reconciled).toEqual({
      kind: 'found',
      outcome: {
        kind: 'published',
        remote: {
          remoteId: status?.idstr,
          url: `https://weibo.com/${sandbox.sim.uid}/${status?.mid}`,
        },
      },
    });
  });

  it('after a reply that was unreadable (malformed, truncated), finds the status that was made', async () => {
    for (const kind of ['malformed-json', 'truncate'] as const) {
      const sandbox = await kit.start();
      const adapter = kit.adapter(sandbox);
      const progress = memoryProgress();
      sandbox.faults.add({ method: 'POST', path: SHARE, fault: { kind } });
      const outcome = await adapter.publish(weiboPost(TEXT), progress);
      expect(outcome.kind).toBe('unknown');
      expect(outcome.kind === 'unknown' && outcome.problem.code).toBe(
        kind === 'truncate' ? 'http.connection-lost' : 'reply.malformed',
      );
      const found = await adapter.reconcile(weiboPost(TEXT), progress);
      expect(found).toMatchObject({ kind: 'found', outcome: { kind: 'published' } });
    }
  });

  it('after a connection reset before Weibo did anything: unknown, reconcile absent, then one status', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: SHARE, fault: { kind: 'reset-before' } });
    expect((await adapter.publish(weiboPost(TEXT), progress)).kind).toBe('unknown');
    expect(sandbox.sim.statuses).toEqual([]);
    expect(await adapter.reconcile(weiboPost(TEXT), progress)).toEqual({ kind: 'absent' });
    expect(progress.get()[WEIBO_PENDING_SINCE]).toBe('');
    expect((await adapter.publish(weiboPost(TEXT), progress)).kind).toBe('published');
    expect(sandbox.sim.statuses).toHaveLength(1);
  });

  it('an HTML error page or a 5xx on share.json is unknown, with the page kept for support', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    sandbox.faults.add({ method: 'POST', path: SHARE, fault: { kind: 'html-error', status: 502 } });
    const html = await adapter.publish(weiboPost(TEXT), memoryProgress());
    expect(html).toMatchObject({ kind: 'unknown', problem: { code: 'reply.html' } });
    expect(html.kind === 'unknown' && html.problem.channelSaid).toMatch(/502 Bad Gateway/);
    expect(html.kind === 'unknown' && html.problem.message.zh).toMatch(/网页.*请不要手动再发/);
    sandbox.faults.add({
      method: 'POST',
      path: SHARE,
      fault: {
        kind: 'status',
        status: 500,
        body: '{"request":"/2/statuses/share.json","error_code":10001,"error":"System error"}',
      },
    });
    const system = await adapter.publish(weiboPost(TEXT), memoryProgress());
    expect(system).toMatchObject({ kind: 'unknown', problem: { code: 'weibo.10001' } });
  });

  it('retries when nothing could be sent (nobody listening)', async () => {
    const sandbox = await kit.start();
    const port = await closedPort();
    const progress = memoryProgress();
    const outcome = await kit
      .adapter(sandbox, { settings: { apiBase: `http://127.0.0.1:${port}/2` } })
      .publish(weiboPost(TEXT), progress);
    expect(outcome).toMatchObject({
      kind: 'retry',
      afterMs: 60_000,
      problem: { code: 'http.unreachable' },
    });
    expect(progress.get()[WEIBO_PENDING_SINCE]).toBe('');
  });

  it('answers absent only when the timeline reaches back before the attempt', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    // 350 older statuses, the newest 20 minutes before the attempt.
    for (let i = 0; i < 350; i++) {
      sandbox.sim.postedElsewhere(
        `旧微博 ${i} ${PORTAL_URL}`,
        new Date(kit.clock.now().getTime() - (20 + i) * 60_000),
      );
    }
    const progress = memoryProgress({ [WEIBO_PENDING_SINCE]: kit.clock.now().toISOString() });
    expect(await adapter.reconcile(weiboPost(TEXT), progress)).toEqual({ kind: 'absent' });
    const timelineReads = sandbox
      .records()
      .filter((r) => r.path === '/2/statuses/user_timeline.json');
    expect(timelineReads).toHaveLength(1); // the first page already reached back
  });

  it('answers undetermined when 300 newer statuses hide the attempt time', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const attempt = kit.clock.now();
    sandbox.sim.postedElsewhere(
      TEXT.replace('常务会议', '全体会议'),
      new Date(attempt.getTime() - 3_600_000),
    );
    for (let i = 0; i < 350; i++) {
      sandbox.sim.postedElsewhere(
        `新微博 ${i} ${PORTAL_URL}`,
        new Date(attempt.getTime() + (i + 1) * 1000),
      );
    }
    const outcome = await adapter.reconcile(
      weiboPost(TEXT),
      memoryProgress({ [WEIBO_PENDING_SINCE]: attempt.toISOString() }),
    );
    expect(outcome).toMatchObject({
      kind: 'undetermined',
      problem: { code: 'weibo.reconcile-window' },
    });
    expect(outcome.kind === 'undetermined' && outcome.problem.message.en).toMatch(
      /newest 300 posts/,
    );
    const reads = sandbox.records().filter((r) => r.path === '/2/statuses/user_timeline.json');
    expect(reads).toHaveLength(3);
  });

  it('finds the status on a later page of a busy timeline', async () => {
    const sandbox = await kit.start();
    const attempt = kit.clock.now();
    const mine = sandbox.sim.postedElsewhere(TEXT, attempt);
    for (let i = 0; i < 150; i++) {
      sandbox.sim.postedElsewhere(
        `新微博 ${i} https://www.tongzhou.gov.cn/${i}`,
        new Date(attempt.getTime() + (i + 1) * 1000),
      );
    }
    const outcome = await kit
      .adapter(sandbox)
      .reconcile(weiboPost(TEXT), memoryProgress({ [WEIBO_PENDING_SINCE]: attempt.toISOString() }));
    expect(outcome).toMatchObject({ kind: 'found', outcome: { remote: { remoteId: mine.idstr } } });
  });

  it('answers undetermined when the timeline cannot be read', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ path: '/2/statuses/user_timeline.json', fault: { kind: 'html-error' } });
    const html = await kit.adapter(sandbox).reconcile(weiboPost(TEXT), memoryProgress());
    expect(html).toMatchObject({ kind: 'undetermined', problem: { code: 'reply.html' } });
    sandbox.faults.add({ path: '/2/statuses/user_timeline.json', fault: { kind: 'expire-token' } });
    const expired = await kit.adapter(sandbox).reconcile(weiboPost(TEXT), memoryProgress());
    expect(expired).toMatchObject({ kind: 'undetermined', problem: { code: 'weibo.21327' } });
  });
});
