import { describe, expect, it } from 'vitest';
import { memoryProgress } from '../../../../src/core/channels/adapter.ts';
import { MASTODON_PENDING_SINCE } from '../../../../src/core/channels/mastodon/mastodonPublish.ts';
import {
  PORTAL_URL,
  image,
  mastodonPost,
  received,
  useMastodonSandbox,
} from './mastodonTestKit.ts';

const TEXT = `区政府召开常务会议\n\n研究部署近期重点工作。\n\n${PORTAL_URL}`;
const STATUSES = '/api/v1/statuses';

describe('Mastodon adapter: lost replies, the Idempotency-Key, rate limits and reconciliation', () => {
  const kit = useMastodonSandbox();

  it('a reply lost after the status was made: retry with the same key gives exactly one status', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: STATUSES, fault: { kind: 'reset-after-commit' } });
    const lost = await adapter.publish(mastodonPost(TEXT), progress);
    expect(lost).toMatchObject({
      kind: 'retry',
      afterMs: 30_000,
      problem: { code: 'http.connection-lost' },
    });
    expect(sandbox.sim.statuses).toHaveLength(1);
    expect(progress.get()[MASTODON_PENDING_SINCE]).toBe('2025-03-01T02:00:00.000Z');
    kit.clock.advance(30_000);
    const again = await adapter.publish(mastodonPost(TEXT), progress);
    expect(again).toMatchObject({
      kind: 'published',
      remote: { remoteId: sandbox.sim.statuses[0]?.id },
    });
    expect(sandbox.sim.statuses).toHaveLength(1);
    expect(received(sandbox, 'POST', STATUSES)).toHaveLength(2);
    expect(sandbox.records().at(-1)?.note).toMatch(/returned again \(Idempotency-Key\)/);
  });

  it('malformed, truncated and HTML replies are retried within the key hour, never doubled', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    const faults = [
      { kind: 'malformed-json', code: 'reply.malformed' },
      { kind: 'truncate', code: 'http.connection-lost' },
      { kind: 'html-error', code: 'reply.html' },
    ] as const;
    for (const fault of faults) {
      sandbox.faults.add({ method: 'POST', path: STATUSES, fault: { kind: fault.kind } });
      const outcome = await adapter.publish(mastodonPost(TEXT), progress);
      expect(outcome).toMatchObject({ kind: 'retry', problem: { code: fault.code } });
      expect(outcome.kind === 'retry' && outcome.problem.message.en).toMatch(/try again later/);
    }
    expect(sandbox.sim.statuses).toHaveLength(1); // made by the malformed and truncated attempts
    expect((await adapter.publish(mastodonPost(TEXT), progress)).kind).toBe('published');
    expect(sandbox.sim.statuses).toHaveLength(1);
  });

  it('past the key window, an earlier attempt that may have landed makes publish unknown without sending', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: STATUSES, fault: { kind: 'reset-after-commit' } });
    expect((await adapter.publish(mastodonPost(TEXT), progress)).kind).toBe('retry');
    kit.clock.advance(51 * 60_000);
    const outcome = await adapter.publish(mastodonPost(TEXT), progress);
    expect(outcome).toMatchObject({ kind: 'unknown', problem: { code: 'mastodon.key-lapsed' } });
    expect(received(sandbox, 'POST', STATUSES)).toHaveLength(1);
    // Reconcile reads the account's statuses and finds it.
    const found = await adapter.reconcile(mastodonPost(TEXT), progress);
    expect(found).toMatchObject({
      kind: 'found',
      outcome: { kind: 'published', remote: { remoteId: sandbox.sim.statuses[0]?.id } },
    });
    expect(received(sandbox, 'POST', STATUSES)).toHaveLength(1);
  });

  it('past the key window with nothing landed: reconcile says absent, then publishing makes one status', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    sandbox.faults.add({ method: 'POST', path: STATUSES, fault: { kind: 'reset-before' } });
    expect((await adapter.publish(mastodonPost(TEXT), progress)).kind).toBe('retry');
    kit.clock.advance(2 * 3_600_000);
    expect((await adapter.publish(mastodonPost(TEXT), progress)).kind).toBe('unknown');
    expect(await adapter.reconcile(mastodonPost(TEXT), progress)).toEqual({ kind: 'absent' });
    expect(progress.get()[MASTODON_PENDING_SINCE]).toBe('');
    expect((await adapter.publish(mastodonPost(TEXT), progress)).kind).toBe('published');
    expect(sandbox.sim.statuses).toHaveLength(1);
  });

  it('within the key window, reconcile repeats the request and gets the original', async () => {
    const sandbox = await kit.start({ processingPolls: 1 });
    const adapter = kit.adapter(sandbox);
    const progress = memoryProgress();
    const post = mastodonPost(TEXT, [image('a.png', 'A')]);
    sandbox.faults.add({ method: 'POST', path: STATUSES, fault: { kind: 'reset-after-commit' } });
    expect((await adapter.publish(post, progress)).kind).toBe('retry');
    kit.clock.advance(10 * 60_000);
    const outcome = await adapter.reconcile(post, progress);
    const [status] = sandbox.sim.statuses;
    expect(outcome).toEqual({
      kind: 'found',
      outcome: {
        kind: 'published',
        remote: {
          remoteId: status?.id,
          url: `${sandbox.url}/@tongzhou/${status?.id}`,
          extra: { mediaIds: status?.mediaIds.join(','), mediaHashes: post.media[0]?.hash },
        },
      },
    });
    expect(sandbox.sim.statuses).toHaveLength(1);
    expect(received(sandbox, 'GET', '/api/v1/accounts/')).toEqual([]); // no listing needed
  });

  it('reconcile looks through the account’s pages, and says undetermined when they do not reach back', async () => {
    const sandbox = await kit.start();
    const adapter = kit.adapter(sandbox);
    const attempt = kit.clock.now();
    const since = { [MASTODON_PENDING_SINCE]: attempt.toISOString() };
    kit.clock.advance(2 * 3_600_000);
    // The release (links rendered as HTML by the server), then 60 newer statuses.
    const mine = sandbox.sim.postedElsewhere(TEXT, new Date(attempt.getTime() + 1000));
    for (let i = 0; i < 60; i++) {
      sandbox.sim.postedElsewhere(
        `其他嘟文 ${i} ${PORTAL_URL}`,
        new Date(attempt.getTime() + (i + 2) * 1000),
      );
    }
    expect(await adapter.reconcile(mastodonPost(TEXT), memoryProgress(since))).toMatchObject({
      kind: 'found',
      outcome: { remote: { remoteId: mine.id } },
    });
    expect(
      received(sandbox, 'GET', `/api/v1/accounts/${sandbox.sim.accountId}/statuses`),
    ).toHaveLength(2); // two pages of 40
    // 130 newer statuses without the release: 3 pages, none reaching back.
    for (let i = 60; i < 130; i++) {
      sandbox.sim.postedElsewhere(`其他嘟文 ${i}`, new Date(attempt.getTime() + (i + 2) * 1000));
    }
    const other = mastodonPost(TEXT.replace('常务会议', '全体会议'));
    const outcome = await adapter.reconcile(other, memoryProgress(since));
    expect(outcome).toMatchObject({
      kind: 'undetermined',
      problem: { code: 'mastodon.reconcile-window' },
    });
    expect(outcome.kind === 'undetermined' && outcome.problem.message.en).toMatch(
      /newest 120 posts/,
    );
  });

  it('reconcile answers absent once the pages reach back before the attempt', async () => {
    const sandbox = await kit.start();
    const attempt = kit.clock.now();
    for (let i = 0; i < 100; i++) {
      sandbox.sim.postedElsewhere(`旧嘟文 ${i}`, new Date(attempt.getTime() - (11 + i) * 60_000));
    }
    kit.clock.advance(2 * 3_600_000);
    const progress = memoryProgress({ [MASTODON_PENDING_SINCE]: attempt.toISOString() });
    expect(await kit.adapter(sandbox).reconcile(mastodonPost(TEXT), progress)).toEqual({
      kind: 'absent',
    });
    expect(
      received(sandbox, 'GET', `/api/v1/accounts/${sandbox.sim.accountId}/statuses`),
    ).toHaveLength(1);
  });

  it('reconcile is undetermined when the account cannot be read', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({
      path: '/api/v1/accounts/verify_credentials',
      fault: { kind: 'html-error' },
    });
    const outcome = await kit.adapter(sandbox).reconcile(mastodonPost(TEXT), memoryProgress());
    expect(outcome).toMatchObject({ kind: 'undetermined', problem: { code: 'reply.html' } });
  });

  it('retries at X-RateLimit-Reset when the account’s request limit is reached', async () => {
    const sandbox = await kit.start({ rateLimit: { limit: 3, windowMs: 5 * 60_000 } });
    const adapter = kit.adapter(sandbox);
    for (let i = 1; i <= 3; i++) {
      const outcome = await adapter.publish(
        mastodonPost(`${TEXT} ${i}`, [], `release-${i}`),
        memoryProgress(),
      );
      expect(outcome.kind).toBe('published');
      kit.clock.advance(20_000);
    }
    const progress = memoryProgress();
    const limited = await adapter.publish(mastodonPost(`${TEXT} 4`, [], 'release-4'), progress);
    // The window opened at 02:00:00 and resets at 02:05:00; it is now 02:01:00.
    expect(limited).toMatchObject({
      kind: 'retry',
      afterMs: 240_000,
      problem: { code: 'mastodon.429' },
    });
    expect(progress.get()[MASTODON_PENDING_SINCE]).toBe('');
    kit.clock.advance(240_000);
    expect((await adapter.publish(mastodonPost(`${TEXT} 4`, [], 'release-4'), progress)).kind).toBe(
      'published',
    );
  });

  it('retries at Retry-After when a front server rate-limits without X-RateLimit headers', async () => {
    const sandbox = await kit.start();
    sandbox.faults.add({ path: STATUSES, fault: { kind: 'rate-limit', retryAfterSeconds: 120 } });
    expect(await kit.adapter(sandbox).publish(mastodonPost(TEXT), memoryProgress())).toMatchObject({
      kind: 'retry',
      afterMs: 120_000,
    });
    expect(sandbox.sim.statuses).toEqual([]);
  });
});
