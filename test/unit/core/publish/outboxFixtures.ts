/**
 * The outbox under test: an in-memory store migrated with MIGRATIONS, one draft (revision 1),
 * channel accounts inserted as rows, a manual clock, timers the test fires by hand, and fake
 * adapters that count their calls and answer what the test scripts.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type {
  AnyChannelAdapter,
  Progress,
  PublishOutcome,
  ReconcileOutcome,
  RemoteRef,
} from '../../../../src/core/channels/adapter.ts';
import type { ChannelPost } from '../../../../src/core/channels/channelPost.ts';
import { problem, type ChannelProblem } from '../../../../src/core/channels/channelProblem.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import { DraftsRepository } from '../../../../src/core/drafts/draftsRepository.ts';
import { memoryLogger } from '../../../../src/core/log/logger.ts';
import {
  Dispatcher,
  type DispatcherOptions,
  type DispatcherTimers,
} from '../../../../src/core/publish/dispatcher.ts';
import {
  OutboxRepository,
  type EnqueueItem,
} from '../../../../src/core/publish/outboxRepository.ts';
import { migrate } from '../../../../src/core/store/migrate.ts';
import { MIGRATIONS } from '../../../../src/core/store/migrations/index.ts';
import type { ChannelId } from '../../../../src/shared/content/channelId.ts';
import {
  publicationKey,
  type PublicationView,
} from '../../../../src/shared/publish/publication.ts';

export const START = '2026-11-27T01:00:00.000Z';

export type ManualClock = ReturnType<typeof manualClock>;

/** Timers that fire only when the test says so, each at the clock time it was set for. */
export interface FakeTimers extends DispatcherTimers {
  /** Every set() so far: the delay asked and whether it is still pending. */
  readonly sets: { ms: number; at: number; fired: boolean; cleared: boolean }[];
  pending(): { ms: number; at: number }[];
  /** Moves the clock to the earliest pending timer (not back) and fires it; false if none. */
  fireNext(): boolean;
}

export function fakeTimers(clock: ManualClock): FakeTimers {
  type Entry = { fn: () => void; ms: number; at: number; fired: boolean; cleared: boolean };
  const entries: Entry[] = [];
  const pending = () => entries.filter((e) => !e.fired && !e.cleared);
  return {
    sets: entries,
    set: (fn, ms) => {
      const entry: Entry = { fn, ms, at: clock.now().getTime() + ms, fired: false, cleared: false };
      entries.push(entry);
      return entry;
    },
    clear: (handle) => {
      const entry = entries.find((e) => e === handle);
      if (entry) entry.cleared = true;
    },
    pending: () => pending().map(({ ms, at }) => ({ ms, at })),
    fireNext: () => {
      const next = pending().sort((a, b) => a.at - b.at)[0];
      if (!next) return false;
      if (next.at > clock.now().getTime()) clock.set(new Date(next.at));
      next.fired = true;
      next.fn();
      return true;
    },
  };
}

/** A channel problem for scripted outcomes. */
export const channelSaid = (code: string, said = code): ChannelProblem =>
  problem(
    'weibo',
    code,
    `渠道返回错误 ${code}。请稍后再试。`,
    `The channel answered ${code}. Try again later.`,
    said,
  );

type Script<T> = Array<T | ((post: ChannelPost | RemoteRef, progress?: Progress) => Promise<T>)>;

/** An adapter whose answers are scripted, one per call (the last repeats), counting its calls. */
export interface FakeAdapter {
  adapter: AnyChannelAdapter;
  publishes: ChannelPost[];
  statuses: RemoteRef[];
  reconciles: ChannelPost[];
  publish: Script<PublishOutcome>;
  status: Script<PublishOutcome>;
  reconcile: Script<ReconcileOutcome>;
}

export const published = (id = 'r-1', url: string | null = `https://example.gov.cn/${id}`) =>
  ({ kind: 'published', remote: { remoteId: id, url } }) as const;

export function fakeAdapter(channel: ChannelId, repeatSafe = false): FakeAdapter {
  const next = async <T>(
    script: Script<T>,
    arg: ChannelPost | RemoteRef,
    progress?: Progress,
  ): Promise<T> => {
    const step = script.length > 1 ? script.shift() : script[0];
    if (step === undefined) throw new Error('nothing scripted');
    return typeof step === 'function'
      ? (step as (a: ChannelPost | RemoteRef, p?: Progress) => Promise<T>)(arg, progress)
      : step;
  };
  const safety = { safe: repeatSafe, why: 'test' };
  const adapter = {
    channel,
    repeatSafety: { publish: safety, update: safety, retract: safety },
    verify: () => Promise.resolve({ ok: true as const, accountName: 'test', details: [] }),
    publish: (post: ChannelPost, progress: Progress) => {
      fake.publishes.push(post);
      return next(fake.publish, post, progress);
    },
    status: (remote: RemoteRef) => {
      fake.statuses.push(remote);
      return next(fake.status, remote);
    },
    update: () => Promise.reject(new Error('not used')),
    retract: () => Promise.reject(new Error('not used')),
    reconcile: (post: ChannelPost, progress: Progress) => {
      fake.reconciles.push(post);
      return next(fake.reconcile, post, progress);
    },
  };
  const fake: FakeAdapter = {
    // The fake serves any channel's post; the union's per-channel parameter types meet here.
    adapter: adapter as unknown as AnyChannelAdapter,
    publishes: [],
    statuses: [],
    reconciles: [],
    publish: [published()],
    status: [published()],
    reconcile: [{ kind: 'absent' }],
  };
  return fake;
}

/** A minimal post of the publication's channel, carrying the portal URL it was given. */
export function testPost(p: PublicationView, portalUrl: string | null): ChannelPost {
  const base = { key: publicationKey(p.id), releaseId: p.releaseId };
  switch (p.channel) {
    case 'portal':
      return {
        ...base,
        channel: 'portal',
        title: p.title,
        excerpt: '',
        html: () => '<p>正文</p>',
        images: [],
        cover: null,
        tags: [],
        publishAt: null,
      };
    case 'wechat':
      return {
        ...base,
        channel: 'wechat',
        title: p.title,
        author: '',
        digest: '',
        html: () => '<p>正文</p>',
        images: [],
        cover: null,
        sourceUrl: portalUrl,
      };
    case 'weibo':
      return { ...base, channel: 'weibo', text: `${p.title} ${portalUrl ?? ''}`, image: null };
    case 'mastodon':
      return { ...base, channel: 'mastodon', text: p.title, media: [], language: 'zh' };
    case 'appfeed':
      return {
        ...base,
        channel: 'appfeed',
        item: () => ({ id: p.releaseId, title: p.title, content_html: '<p>正文</p>' }),
        images: [],
      };
  }
}

export interface Desk {
  db: Db;
  clock: ManualClock;
  timers: FakeTimers;
  outbox: OutboxRepository;
  releaseId: string;
  accounts: Record<string, string>;
  adapters: Map<string, FakeAdapter>;
  changes: PublicationView[];
  log: ReturnType<typeof memoryLogger>;
  online: { value: boolean };
  paused: { value: boolean };
  dispatcher(overrides?: Partial<DispatcherOptions>): Dispatcher;
  item(account: string, extra?: Partial<EnqueueItem>): EnqueueItem;
  /** Fires timers until none is pending or `max` fired, waiting for the dispatcher between. */
  drain(dispatcher: Dispatcher, max?: number): Promise<number>;
}

export function addAccount(
  db: Db,
  channel: ChannelId,
  name: string,
  sandbox = false,
  at = START,
): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO channel_accounts (id, channel, name, sandbox, settings, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, 'test', ?, 'test')`,
  ).run(id, channel, name, sandbox ? 1 : 0, JSON.stringify({ channel }), at, at);
  return id;
}

/**
 * A desk with one account per channel (named after it: 'portal', 'weibo', ...) plus
 * 'weibo2', each with a fake adapter of its channel.
 */
export function desk(): Desk {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS, ':memory:');
  db.pragma('foreign_keys = ON');
  const clock = manualClock(START);
  const timers = fakeTimers(clock);
  const outbox = new OutboxRepository(db, clock);
  const drafts = new DraftsRepository(db, clock);
  const draft = drafts.create({ kind: 'press_release', title: '防汛应急预案' }, '王编辑');
  const accounts: Record<string, string> = {};
  const adapters = new Map<string, FakeAdapter>();
  const channels: Array<[string, ChannelId]> = [
    ['portal', 'portal'],
    ['wechat', 'wechat'],
    ['weibo', 'weibo'],
    ['mastodon', 'mastodon'],
    ['appfeed', 'appfeed'],
    ['weibo2', 'weibo'],
  ];
  for (const [name, channel] of channels) {
    const id = addAccount(db, channel, name);
    accounts[name] = id;
    adapters.set(id, fakeAdapter(channel));
  }
  const changes: PublicationView[] = [];
  const log = memoryLogger();
  const online = { value: true };
  const paused = { value: false };
  const d: Desk = {
    db,
    clock,
    timers,
    outbox,
    releaseId: draft.id,
    accounts,
    adapters,
    changes,
    log,
    online,
    paused,
    dispatcher: (overrides = {}) =>
      new Dispatcher({
        outbox,
        clock,
        adapterFor: (id) => adapters.get(id)?.adapter,
        postFor: (p, context) => testPost(p, context.portalUrl),
        isOnline: () => online.value,
        isPaused: () => paused.value,
        missedWindowMs: () => 30 * 60_000,
        onChange: (p) => changes.push(p),
        timers,
        random: () => 0.5,
        minIntervalMs: () => 0,
        log,
        ...overrides,
      }),
    item: (account, extra = {}) => {
      const accountId = accounts[account];
      const fake = accountId === undefined ? undefined : adapters.get(accountId);
      if (accountId === undefined || !fake) throw new Error(`no account ${account}`);
      return {
        releaseId: draft.id,
        revision: 1,
        title: '防汛应急预案',
        accountId,
        channel: fake.adapter.channel,
        scheduledAt: null,
        dependsOn: null,
        ...extra,
      };
    },
    drain: async (dispatcher, max = 50) => {
      let fired = 0;
      await dispatcher.idle();
      while (fired < max && timers.fireNext()) {
        fired++;
        await dispatcher.idle();
      }
      return fired;
    },
  };
  return d;
}

/** The fake adapter of a named account. */
export function fakeOf(d: Desk, account: string): FakeAdapter {
  const fake = d.adapters.get(d.accounts[account] ?? '');
  if (!fake) throw new Error(`no account ${account}`);
  return fake;
}
