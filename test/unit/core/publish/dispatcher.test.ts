import { describe, expect, it, vi } from 'vitest';
import type { PublishOutcome } from '../../../../src/core/channels/adapter.ts';
import { systemClock } from '../../../../src/core/clock.ts';
import { MAX_TIMER_MS } from '../../../../src/core/publish/dispatcher.ts';
import { OutboxRepository } from '../../../../src/core/publish/outboxRepository.ts';
import {
  MAX_RECONCILES,
  MAX_RETRY_AGE_MS,
  REQUEST_SETTLE_MS,
} from '../../../../src/core/publish/retryPolicy.ts';
import {
  addAccount,
  channelSaid,
  desk,
  fakeAdapter,
  fakeOf,
  published,
  START,
  type Desk,
} from './outboxFixtures.ts';

const SECOND = 1000;
const HOUR = 3_600_000;
const at = (ms: number) => new Date(new Date(START).getTime() + ms);
/** Lets queued microtasks and I/O callbacks run (for calls that are deliberately left hanging). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const outcomes = (d: Desk, id: string) =>
  d.outbox.get(id).attemptLog.map((a) => `${a.action}:${a.outcome}`);

describe('Dispatcher', () => {
  it('sends a scheduled publication exactly at its time, from one timer, without polling', async () => {
    const d = desk();
    const [p] = d.outbox.enqueue([d.item('weibo', { scheduledAt: at(HOUR) })], '王编辑');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    expect(d.timers.pending()).toEqual([{ ms: HOUR, at: at(HOUR).getTime() }]);
    expect(fakeOf(d, 'weibo').publishes).toHaveLength(0);

    // Waking without a change re-plans to the same moment: the timer stays as it is.
    dispatcher.wake();
    await dispatcher.idle();
    expect(d.timers.sets).toHaveLength(1);

    expect(d.timers.fireNext()).toBe(true);
    await dispatcher.idle();
    expect(d.clock.now()).toEqual(at(HOUR));
    expect(fakeOf(d, 'weibo').publishes).toHaveLength(1);
    const view = d.outbox.get(p?.id ?? '');
    expect(view).toMatchObject({ state: 'published', publishedAt: at(HOUR).toISOString() });
    expect(view.attemptLog[0]).toMatchObject({
      action: 'publish',
      outcome: 'published',
      startedAt: at(HOUR).toISOString(),
    });
    // One planning timer (fired once) and the lease keeper of the one call; nothing since.
    expect(d.timers.sets.map((s) => s.ms)).toEqual([HOUR, 60_000]);
    expect(d.timers.sets.filter((s) => s.fired)).toHaveLength(1);
    expect(d.timers.pending()).toEqual([]);
    expect(d.changes.map((c) => c.state)).toEqual(['queued', 'sending', 'published']);
  });

  it('clamps a far plan to the longest timer and re-plans when it fires', async () => {
    const d = desk();
    const far = at(40 * 24 * HOUR);
    d.outbox.enqueue([d.item('portal', { scheduledAt: far })], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    expect(d.timers.pending().map((t) => t.ms)).toEqual([MAX_TIMER_MS]);
    d.timers.fireNext();
    await dispatcher.idle();
    expect(fakeOf(d, 'portal').publishes).toHaveLength(0);
    expect(d.timers.pending()).toEqual([
      { ms: far.getTime() - at(MAX_TIMER_MS).getTime(), at: far.getTime() },
    ]);
    d.timers.fireNext();
    await dispatcher.idle();
    expect(fakeOf(d, 'portal').publishes).toHaveLength(1);
  });

  it('retries with backoff, honouring Retry-After as a minimum', async () => {
    const d = desk();
    const fake = fakeOf(d, 'mastodon');
    fake.publish = [
      { kind: 'retry', afterMs: 0, problem: channelSaid('http.503') },
      { kind: 'retry', afterMs: 10 * 60_000, problem: channelSaid('http.429') },
      published('s-1'),
    ];
    const [p] = d.outbox.enqueue([d.item('mastodon')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    // First retry: half (random 0.5) of the 30 s base.
    expect(d.outbox.get(p?.id ?? '')).toMatchObject({
      state: 'retrying',
      nextAttemptAt: at(15 * SECOND).toISOString(),
      lastProblem: { code: 'http.503' },
    });
    d.timers.fireNext();
    await dispatcher.idle();
    // Second: the backoff would be 30 s, the channel asked for 10 minutes.
    expect(d.outbox.get(p?.id ?? '').nextAttemptAt).toBe(
      at(15 * SECOND + 10 * 60_000).toISOString(),
    );
    d.timers.fireNext();
    await dispatcher.idle();
    const view = d.outbox.get(p?.id ?? '');
    expect(view).toMatchObject({ state: 'published', remoteId: 's-1', lastProblem: null });
    expect(outcomes(d, p?.id ?? '')).toEqual([
      'publish:retry',
      'publish:retry',
      'publish:published',
    ]);
    expect(view.attemptLog[1]?.problem?.channelSaid).toBe('http.429');
  });

  it('gives up after MAX_RETRY_AGE_MS of retries, saying how often it tried and the last error', async () => {
    const d = desk();
    const fake = fakeOf(d, 'mastodon');
    fake.publish = [
      { kind: 'retry', afterMs: 6 * HOUR, problem: channelSaid('http.502', 'Bad Gateway') },
    ];
    const [p] = d.outbox.enqueue([d.item('mastodon')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    const fired = await d.drain(dispatcher);
    expect(fired).toBe(4);
    expect(d.clock.now()).toEqual(at(MAX_RETRY_AGE_MS));
    const view = d.outbox.get(p?.id ?? '');
    expect(view.state).toBe('failed');
    expect(view.nextAttemptAt).toBeNull();
    expect(view.lastProblem?.code).toBe('outbox.gave-up');
    expect(view.lastProblem?.message.en).toContain('tried 5 times over 24 hours');
    expect(view.lastProblem?.message.en).toContain('The channel answered http.502');
    expect(view.lastProblem?.message.zh).toContain('5 次');
    expect(view.lastProblem?.channelSaid).toBe('Bad Gateway');
    expect(fake.publishes).toHaveLength(5);
    expect(d.timers.pending()).toEqual([]);
  });

  it('follows a pending publication with status checks until it is published', async () => {
    const d = desk();
    const fake = fakeOf(d, 'wechat');
    const accepted = { remoteId: 'job-1', url: null, extra: { mediaId: 'm-1' } };
    fake.publish = [{ kind: 'pending', remote: accepted, checkAfterMs: 10 * SECOND }];
    fake.status = [
      { kind: 'pending', remote: accepted, checkAfterMs: 10 * SECOND },
      published('a-9', 'https://mp.weixin.qq.com/s/a-9'),
    ];
    const [p] = d.outbox.enqueue([d.item('wechat')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    expect(d.outbox.get(p?.id ?? '')).toMatchObject({
      state: 'publishing',
      remoteId: 'job-1',
      nextAttemptAt: at(10 * SECOND).toISOString(),
    });
    expect(await d.drain(dispatcher)).toBe(2);
    expect(fake.statuses).toEqual([accepted, accepted]);
    expect(fake.publishes).toHaveLength(1);
    expect(d.outbox.get(p?.id ?? '')).toMatchObject({
      state: 'published',
      remoteId: 'a-9',
      remoteUrl: 'https://mp.weixin.qq.com/s/a-9',
      publishedAt: at(20 * SECOND).toISOString(),
    });
    expect(outcomes(d, p?.id ?? '')).toEqual([
      'publish:pending',
      'status:pending',
      'status:published',
    ]);
  });

  it('reconciles an unknown outcome: found is published, never sent twice', async () => {
    const d = desk();
    const fake = fakeOf(d, 'portal');
    fake.publish = [{ kind: 'unknown', problem: channelSaid('http.lost') }];
    fake.reconcile = [{ kind: 'found', outcome: published('77', 'https://portal.example/77') }];
    const [p] = d.outbox.enqueue([d.item('portal')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    expect(d.outbox.get(p?.id ?? '').state).toBe('reconciling');
    await d.drain(dispatcher);
    expect(fake.publishes).toHaveLength(1);
    expect(fake.reconciles).toHaveLength(1);
    expect(d.outbox.get(p?.id ?? '')).toMatchObject({ state: 'published', remoteId: '77' });
    expect(outcomes(d, p?.id ?? '')).toEqual(['publish:unknown', 'reconcile:found']);
  });

  it('reconciles an unknown outcome: absent is sent again, once', async () => {
    const d = desk();
    const fake = fakeOf(d, 'portal');
    fake.publish = [{ kind: 'unknown', problem: channelSaid('http.lost') }, published('78')];
    fake.reconcile = [{ kind: 'absent' }];
    const [p] = d.outbox.enqueue([d.item('portal')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await d.drain(dispatcher);
    expect(fake.publishes).toHaveLength(2);
    expect(fake.publishes[0]?.key).toBe(fake.publishes[1]?.key);
    expect(d.outbox.get(p?.id ?? '').state).toBe('published');
    expect(outcomes(d, p?.id ?? '')).toEqual([
      'publish:unknown',
      'reconcile:absent',
      'publish:published',
    ]);
  });

  it(`asks a person after ${MAX_RECONCILES} reconciliations that could not tell`, async () => {
    const d = desk();
    const fake = fakeOf(d, 'weibo');
    fake.publish = [{ kind: 'unknown', problem: channelSaid('http.lost') }];
    fake.reconcile = [{ kind: 'undetermined', problem: channelSaid('weibo.reconcile-window') }];
    const [p] = d.outbox.enqueue([d.item('weibo')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await d.drain(dispatcher);
    expect(fake.reconciles).toHaveLength(MAX_RECONCILES);
    expect(fake.publishes).toHaveLength(1);
    const view = d.outbox.get(p?.id ?? '');
    expect(view).toMatchObject({ state: 'unknown', nextAttemptAt: null });
    expect(view.lastProblem?.code).toBe('weibo.reconcile-window');
    expect(d.timers.pending()).toEqual([]);
    // The first reconciliation waits until the lost request can no longer land (130 s after
    // it was sent); then the waits grow (random 0.5: 10 s, 20 s, 40 s, 80 s).
    const starts = view.attemptLog.map((a) => new Date(a.startedAt).getTime());
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
    expect(gaps).toEqual([REQUEST_SETTLE_MS, 10 * SECOND, 20 * SECOND, 40 * SECOND, 80 * SECOND]);
  });

  it('lets missed publications wait for a person after being closed past the window', async () => {
    const d = desk();
    const [late, soon] = d.outbox.enqueue(
      [
        d.item('weibo', { scheduledAt: at(HOUR) }),
        d.item('mastodon', { scheduledAt: at(3 * HOUR) }),
      ],
      'x',
    );
    const before = d.dispatcher();
    before.start();
    await before.idle();
    await before.stop();
    expect(d.timers.pending()).toEqual([]);

    // Closed from 01:00 to 04:10; the window is 30 minutes.
    d.clock.set(at(3 * HOUR + 10 * 60_000));
    const after = d.dispatcher();
    after.start();
    expect(d.outbox.get(late?.id ?? '')).toMatchObject({ state: 'missed', nextAttemptAt: null });
    expect(d.outbox.get(late?.id ?? '').lastProblem?.code).toBe('outbox.missed');
    await after.idle();
    // Ten minutes late is within the window: it goes.
    expect(d.outbox.get(soon?.id ?? '').state).toBe('published');
    expect(fakeOf(d, 'weibo').publishes).toHaveLength(0);
    expect(d.changes.find((c) => c.id === late?.id)?.state).toBe('missed');
  });

  it('recovers interrupted sends at start: reconciled first, or queued when safe to repeat', async () => {
    const d = desk();
    const hang = deferred<PublishOutcome>();
    fakeOf(d, 'portal').publish = [() => hang.promise];
    fakeOf(d, 'appfeed').publish = [() => hang.promise];
    const [portal, feed] = d.outbox.enqueue([d.item('portal'), d.item('appfeed')], 'x');
    const crashed = d.dispatcher();
    crashed.start();
    await flush();
    expect(d.outbox.get(portal?.id ?? '').state).toBe('sending');
    expect(d.outbox.get(feed?.id ?? '').state).toBe('sending');

    // The process died here. The next one starts with the feed's adapter saying "safe".
    d.clock.advance(10 * 60_000);
    fakeOf(d, 'portal').publish = [published('p-1')];
    fakeOf(d, 'portal').reconcile = [{ kind: 'absent' }];
    fakeOf(d, 'appfeed').publish = [published('f-1')];
    const safe = fakeOf(d, 'appfeed').adapter.repeatSafety.publish;
    safe.safe = true;
    const next = d.dispatcher();
    next.start();
    expect(d.outbox.get(portal?.id ?? '')).toMatchObject({ state: 'reconciling' });
    expect(d.outbox.get(portal?.id ?? '').lastProblem?.code).toBe('outbox.interrupted');
    expect(d.outbox.get(feed?.id ?? '')).toMatchObject({ state: 'queued' });
    expect(outcomes(d, portal?.id ?? '')).toEqual(['publish:interrupted']);
    await d.drain(next);
    expect(outcomes(d, portal?.id ?? '')).toEqual([
      'publish:interrupted',
      'reconcile:absent',
      'publish:published',
    ]);
    expect(outcomes(d, feed?.id ?? '')).toEqual(['publish:interrupted', 'publish:published']);
    expect(fakeOf(d, 'appfeed').reconciles).toHaveLength(0);
    expect(d.log.lines.filter((l) => l.event === 'outbox.interrupted')).toHaveLength(2);
  });

  it('claims nothing offline and no new sends paused; resumes on wake', async () => {
    const d = desk();
    const wechat = fakeOf(d, 'wechat');
    const accepted = { remoteId: 'job-2', url: null };
    wechat.publish = [{ kind: 'pending', remote: accepted, checkAfterMs: 10 * SECOND }];
    wechat.status = [published('a-2', 'https://mp.weixin.qq.com/s/a-2')];
    const [article] = d.outbox.enqueue([d.item('wechat')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    expect(d.outbox.get(article?.id ?? '').state).toBe('publishing');

    d.online.value = false;
    const [post] = d.outbox.enqueue([d.item('mastodon')], 'x');
    dispatcher.wake();
    await dispatcher.idle();
    expect(d.timers.pending()).toEqual([]);
    d.clock.advance(HOUR);
    dispatcher.wake();
    await dispatcher.idle();
    expect(wechat.statuses).toHaveLength(0);
    expect(fakeOf(d, 'mastodon').publishes).toHaveLength(0);

    // Paused: what was already sent is still followed; nothing new goes out.
    d.online.value = true;
    d.paused.value = true;
    dispatcher.wake();
    await dispatcher.idle();
    expect(wechat.statuses).toHaveLength(1);
    expect(d.outbox.get(article?.id ?? '').state).toBe('published');
    expect(d.outbox.get(post?.id ?? '').state).toBe('queued');
    expect(fakeOf(d, 'mastodon').publishes).toHaveLength(0);

    d.paused.value = false;
    dispatcher.wake();
    await dispatcher.idle();
    expect(d.outbox.get(post?.id ?? '').state).toBe('published');
  });

  it('keeps to one call per account, two per channel, and the channel’s minimum interval', async () => {
    const d = desk();
    const calls: Array<{ resolve(o: PublishOutcome): void; channel: string; at: number }> = [];
    for (const name of ['weibo', 'weibo2', 'portal']) {
      fakeOf(d, name).publish = [
        () => {
          const call = deferred<PublishOutcome>();
          calls.push({ resolve: call.resolve, channel: name, at: d.clock.now().getTime() });
          return call.promise;
        },
      ];
    }
    d.outbox.enqueue(
      [d.item('weibo'), d.item('weibo'), d.item('weibo2'), d.item('portal'), d.item('portal')],
      'x',
    );
    const dispatcher = d.dispatcher({
      minIntervalMs: (channel) => (channel === 'weibo' ? 10 * SECOND : 0),
    });
    dispatcher.start();
    await flush();
    const names = () => calls.map((c) => c.channel).sort();
    const callOf = (channel: string, nth = 0) => calls.filter((c) => c.channel === channel)[nth];
    // Weibo: one call, the second account waits for the interval; portal: one (one account).
    expect(names()).toEqual(['portal', 'weibo']);
    const plan = d.timers.pending().filter((t) => t.ms !== 60_000);
    expect(plan).toEqual([{ ms: 10 * SECOND, at: at(10 * SECOND).getTime() }]);

    d.timers.fireNext();
    await flush();
    expect(names()).toEqual(['portal', 'weibo', 'weibo2']);
    expect(callOf('weibo2')?.at).toBe(at(10 * SECOND).getTime());

    // Portal's second publication waited for its account's first call.
    callOf('portal')?.resolve(published('p-1'));
    await flush();
    expect(names()).toEqual(['portal', 'portal', 'weibo', 'weibo2']);
    // Both Weibo accounts busy (the channel's two). When the first is done, its second post
    // still waits for the interval since weibo2's call started.
    callOf('weibo')?.resolve(published('w-1'));
    await flush();
    expect(calls).toHaveLength(4);
    d.timers.fireNext();
    await flush();
    expect(names()).toEqual(['portal', 'portal', 'weibo', 'weibo', 'weibo2']);
    expect(callOf('weibo', 1)?.at).toBe(at(20 * SECOND).getTime());
    for (const call of calls) call.resolve(published('x'));
    await dispatcher.idle();
    expect(d.outbox.list({ states: ['published'] })).toHaveLength(5);
  });

  it('runs at most perChannelConcurrency calls on one channel across its accounts', async () => {
    const d = desk();
    const third = addAccount(d.db, 'weibo', 'weibo3');
    d.accounts['weibo3'] = third;
    d.adapters.set(third, fakeAdapter('weibo'));
    const calls: Array<(o: PublishOutcome) => void> = [];
    for (const name of ['weibo', 'weibo2', 'weibo3']) {
      fakeOf(d, name).publish = [
        () => {
          const call = deferred<PublishOutcome>();
          calls.push(call.resolve);
          return call.promise;
        },
      ];
    }
    d.outbox.enqueue([d.item('weibo'), d.item('weibo2'), d.item('weibo3')], 'x');
    const dispatcher = d.dispatcher({ perChannelConcurrency: 2 });
    dispatcher.start();
    await flush();
    expect(calls).toHaveLength(2);
    expect(d.outbox.list({ states: ['sending'] })).toHaveLength(2);
    calls[0]?.(published('w-1'));
    await flush();
    expect(calls).toHaveLength(3);
    for (const resolve of calls) resolve(published('w'));
    await dispatcher.idle();
    expect(d.outbox.list({ states: ['published'] })).toHaveLength(3);
  });

  it('sends a microblog after the portal page it links to, with that page’s URL', async () => {
    const d = desk();
    const portal = fakeOf(d, 'portal');
    portal.publish = [
      { kind: 'retry', afterMs: 0, problem: channelSaid('http.503') },
      published('p-5', 'https://portal.example/p-5'),
    ];
    const [page, post, other] = d.outbox.enqueue(
      [d.item('portal'), d.item('weibo', { dependsOn: 0 }), d.item('mastodon', { dependsOn: 0 })],
      'x',
    );
    fakeOf(d, 'mastodon').publish = [published('m-1')];
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    expect(d.outbox.get(page?.id ?? '').state).toBe('retrying');
    expect(fakeOf(d, 'weibo').publishes).toHaveLength(0);
    // Waiting for the portal sets no timer of its own (no busy loop).
    expect(d.timers.pending().map((t) => t.ms)).toEqual([15 * SECOND]);
    await d.drain(dispatcher);
    const weibo = fakeOf(d, 'weibo').publishes;
    expect(weibo).toHaveLength(1);
    expect(weibo[0]?.channel === 'weibo' && weibo[0].text).toContain('https://portal.example/p-5');
    expect(d.outbox.get(post?.id ?? '').state).toBe('published');
    expect(d.outbox.get(other?.id ?? '').state).toBe('published');
    const order = d.changes.filter((c) => c.state === 'published').map((c) => c.id);
    expect(order[0]).toBe(page?.id);
  });

  it('lets the dependents go without a URL when the portal publication fails', async () => {
    const d = desk();
    fakeOf(d, 'portal').publish = [
      { kind: 'failed', problem: channelSaid('rest_cannot_create'), reauthorize: false },
    ];
    const [page, post] = d.outbox.enqueue(
      [d.item('portal'), d.item('mastodon', { dependsOn: 0 })],
      'x',
    );
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await d.drain(dispatcher);
    expect(d.outbox.get(page?.id ?? '').state).toBe('failed');
    expect(d.outbox.get(post?.id ?? '').state).toBe('published');
    const sent = fakeOf(d, 'mastodon').publishes[0];
    expect(sent?.channel === 'mastodon' && sent.text).toBe('防汛应急预案');
  });

  it('survives an adapter that throws: the publication is reconciled, others go on', async () => {
    const d = desk();
    const weibo = fakeOf(d, 'weibo');
    weibo.publish = [() => Promise.reject(new TypeError('undefined is not a function'))];
    weibo.reconcile = [{ kind: 'found', outcome: published('w-7') }];
    const [broken, fine] = d.outbox.enqueue([d.item('weibo'), d.item('mastodon')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    const view = d.outbox.get(broken?.id ?? '');
    expect(view.state).toBe('reconciling');
    expect(view.lastProblem?.code).toBe('outbox.defect');
    expect(view.lastProblem?.channelSaid).toBe('undefined is not a function');
    expect(d.outbox.get(fine?.id ?? '').state).toBe('published');
    expect(d.log.lines.some((l) => l.event === 'outbox.adapter_threw')).toBe(true);
    await d.drain(dispatcher);
    expect(d.outbox.get(broken?.id ?? '').state).toBe('published');
    expect(weibo.publishes).toHaveLength(1);
  });

  it('fails clearly without an adapter, and when the post cannot be prepared', async () => {
    const d = desk();
    const [orphan, unprepared] = d.outbox.enqueue([d.item('weibo'), d.item('portal')], 'x');
    const dispatcher = d.dispatcher({
      adapterFor: (id) => (id === d.accounts['weibo'] ? undefined : fakeOf(d, 'portal').adapter),
      postFor: () => {
        throw new Error('revision 1 not found');
      },
    });
    dispatcher.start();
    await dispatcher.idle();
    const a = d.outbox.get(orphan?.id ?? '');
    expect(a.state).toBe('failed');
    expect(a.lastProblem?.code).toBe('outbox.no-adapter');
    expect(a.lastProblem?.message.en).toContain('"weibo"');
    const b = d.outbox.get(unprepared?.id ?? '');
    expect(b.state).toBe('failed');
    expect(b.lastProblem?.code).toBe('outbox.post-unavailable');
    expect(fakeOf(d, 'portal').publishes).toHaveLength(0);
  });

  it('holds the account’s other sends when its credentials are refused', async () => {
    const d = desk();
    const weibo = fakeOf(d, 'weibo');
    weibo.publish = [
      { kind: 'failed', problem: channelSaid('weibo.21327', 'expired_token'), reauthorize: true },
      published('w-1'),
    ];
    const [first, second, later, elsewhere] = d.outbox.enqueue(
      [
        d.item('weibo'),
        d.item('weibo'),
        d.item('weibo', { scheduledAt: at(HOUR) }),
        d.item('weibo2'),
      ],
      'x',
    );
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await dispatcher.idle();
    expect(weibo.publishes).toHaveLength(1);
    expect(d.outbox.get(first?.id ?? '').state).toBe('needs_reauth');
    const held = d.outbox.get(second?.id ?? '');
    expect(held.state).toBe('needs_reauth');
    expect(held.lastProblem?.code).toBe('outbox.account-needs-reauth');
    expect(held.lastProblem?.channelSaid).toBe('expired_token');
    expect(held.attemptLog).toEqual([]);
    expect(d.outbox.get(later?.id ?? '').state).toBe('scheduled');
    expect(d.outbox.get(elsewhere?.id ?? '').state).toBe('published');
    expect(d.changes.some((c) => c.id === second?.id && c.state === 'needs_reauth')).toBe(true);

    const resumed = d.outbox.resumeAccount(d.accounts['weibo'] ?? '', '李主任');
    expect(resumed.map((p) => p.id).sort()).toEqual([first?.id, second?.id].sort());
    dispatcher.wake();
    await dispatcher.idle();
    expect(d.outbox.get(first?.id ?? '').state).toBe('published');
    expect(d.outbox.get(second?.id ?? '').state).toBe('published');
  });

  it('writes progress to the row before the adapter goes on, and continues from it', async () => {
    const d = desk();
    const portal = fakeOf(d, 'portal');
    const seen: Array<Record<string, string>> = [];
    portal.publish = [
      (_post, progress) => {
        progress?.save({ slug: 'pd-abc', mediaId: '12' });
        const [row] = d.db.prepare('SELECT progress FROM publications').pluck().all() as string[];
        seen.push(JSON.parse(row ?? '{}') as Record<string, string>);
        return Promise.resolve({ kind: 'unknown', problem: channelSaid('http.lost') });
      },
    ];
    portal.reconcile = [
      (_post, progress) => {
        seen.push({ ...progress?.get() });
        return Promise.resolve({ kind: 'found', outcome: published('12') });
      },
    ];
    d.outbox.enqueue([d.item('portal')], 'x');
    const dispatcher = d.dispatcher();
    dispatcher.start();
    await d.drain(dispatcher);
    expect(seen).toEqual([
      { slug: 'pd-abc', mediaId: '12' },
      { slug: 'pd-abc', mediaId: '12' },
    ]);
  });

  it('recovers a send whose outcome could not be recorded once its lease runs out', async () => {
    const d = desk();
    const [p] = d.outbox.enqueue([d.item('portal')], 'x');
    const finish = vi.spyOn(d.outbox, 'finish').mockImplementationOnce(() => {
      throw new Error('SQLITE_FULL: database or disk is full');
    });
    const dispatcher = d.dispatcher({ leaseMs: 60 * SECOND });
    dispatcher.start();
    await dispatcher.idle();
    expect(d.outbox.get(p?.id ?? '').state).toBe('sending');
    expect(d.log.lines.some((l) => l.event === 'outbox.record_failed')).toBe(true);
    // Before the lease runs out nothing happens to it; after, it is reconciled like a crash.
    d.clock.advance(30 * SECOND);
    dispatcher.wake();
    await dispatcher.idle();
    expect(d.outbox.get(p?.id ?? '').state).toBe('sending');
    d.clock.advance(31 * SECOND);
    dispatcher.wake();
    await d.drain(dispatcher);
    expect(finish).toHaveBeenCalled();
    expect(outcomes(d, p?.id ?? '')).toEqual([
      'publish:interrupted',
      'reconcile:absent',
      'publish:published',
    ]);
    expect(fakeOf(d, 'portal').publishes).toHaveLength(2);
  });

  it('plans with the system timers and clock by default', async () => {
    const d = desk();
    const outbox = new OutboxRepository(d.db, systemClock);
    const [p] = outbox.enqueue(
      [d.item('mastodon', { scheduledAt: new Date(Date.now() + 80) })],
      'x',
    );
    const dispatcher = d.dispatcher({ outbox, clock: systemClock, timers: undefined });
    dispatcher.start();
    await dispatcher.idle();
    expect(outbox.get(p?.id ?? '').state).toBe('scheduled');
    for (let i = 0; i < 50 && outbox.get(p?.id ?? '').state !== 'published'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await dispatcher.idle();
    }
    expect(outbox.get(p?.id ?? '').state).toBe('published');
    expect(fakeOf(d, 'mastodon').publishes).toHaveLength(1);
    await dispatcher.stop();
  });

  it('renews the lease of a long call, and stop() waits for calls in flight', async () => {
    const d = desk();
    const hang = deferred<PublishOutcome>();
    fakeOf(d, 'portal').publish = [() => hang.promise];
    const [p] = d.outbox.enqueue([d.item('portal')], 'x');
    const dispatcher = d.dispatcher({ leaseMs: 60 * SECOND });
    dispatcher.start();
    await flush();
    const lease = () =>
      d.db.prepare('SELECT lease_until FROM publications WHERE id = ?').pluck().get(p?.id);
    expect(lease()).toBe(at(60 * SECOND).toISOString());
    expect(d.timers.pending()).toEqual([{ ms: 30 * SECOND, at: at(30 * SECOND).getTime() }]);
    d.timers.fireNext();
    expect(lease()).toBe(at(90 * SECOND).toISOString());

    let stopped = false;
    const stopping = dispatcher.stop().then(() => {
      stopped = true;
    });
    await flush();
    expect(stopped).toBe(false);
    hang.resolve(published('p-9'));
    await stopping;
    expect(d.outbox.get(p?.id ?? '')).toMatchObject({ state: 'published', remoteId: 'p-9' });
    expect(lease()).toBeNull();
  });
});
