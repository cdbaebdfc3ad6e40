// The durable outbox (DESIGN.md, "Targets"):
// 1. Throughput: 2,000 releases x 5 channel accounts enqueued through OutboxRepository.enqueue
//    (one call per release, portal first and the others waiting for it, as publish.enqueue
//    writes them), then sent by the real Dispatcher to a no-op adapter until idle, on a store
//    opened by openDatabase (WAL, synchronous=FULL). Baseline in the same run, same pragmas,
//    same folder: raw better-sqlite3, one row per transaction: insert it, claim it, mark it
//    done (10,000 rows, 30,000 commits), run in three parts around the core's two phases so
//    that the machine's noise falls on both. Target: at least 1.5x the baseline.
//    The adapter, its lookup (a Map) and the post (a minimal one) cost nothing here: what is
//    measured is the outbox and the dispatcher, SQLite's commits above all.
// 2. Idle CPU: 10,000 publications scheduled a week ahead, the Dispatcher started on them with
//    the real timers (wrapped to count), CPU over a 3-second idle window, beside an idle Node
//    process that does nothing over the same window. Target: effectively zero (< 1 ms/s).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { AccountsRepository } from '../src/core/accounts/accountsRepository.ts';
import type { AnyChannelAdapter } from '../src/core/channels/adapter.ts';
import type { ChannelPost } from '../src/core/channels/channelPost.ts';
import { systemClock } from '../src/core/clock.ts';
import { DraftsRepository } from '../src/core/drafts/draftsRepository.ts';
import { Dispatcher, type DispatcherTimers } from '../src/core/publish/dispatcher.ts';
import { OutboxRepository, type EnqueueItem } from '../src/core/publish/outboxRepository.ts';
import { keyFileSecretBox } from '../src/core/secrets/keyFileSecretBox.ts';
import { openDatabase, PRAGMAS } from '../src/core/store/openDatabase.ts';
import type { AccountSettings } from '../src/shared/channels/accountSettings.ts';
import { CHANNEL_IDS, type ChannelId } from '../src/shared/content/channelId.ts';
import { publicationKey, type PublicationView } from '../src/shared/publish/publication.ts';
import { report } from './harness.ts';

const RELEASES = 2_000;
const PUBLICATIONS = RELEASES * CHANNEL_IDS.length;
const PERSON = '基准测试';
const IDLE_WINDOW_MS = 3_000;
const SETTLE_MS = 1_000;
const WEEK_MS = 7 * 24 * 60 * 60_000;

const SETTINGS: Record<ChannelId, AccountSettings> = {
  portal: {
    channel: 'portal',
    siteUrl: 'https://www.example.gov.cn',
    username: 'press',
    categories: [],
  },
  wechat: {
    channel: 'wechat',
    apiBase: 'https://api.weixin.qq.com',
    appId: 'wx0123456789abcdef',
    openComment: false,
  },
  weibo: {
    channel: 'weibo',
    apiBase: 'https://api.weibo.com/2',
    tokenExpiresOn: null,
    clientIp: '',
  },
  mastodon: {
    channel: 'mastodon',
    instanceUrl: 'https://social.example.gov.cn',
    visibility: 'public',
    language: 'zh',
  },
  appfeed: {
    channel: 'appfeed',
    feedTitle: '区客户端',
    homePageUrl: 'https://www.example.gov.cn',
    feedUrl: 'https://www.example.gov.cn/feed/feed.json',
    feedDir: '/srv/feed',
    webhookUrl: '',
  },
};
const SECRETS: Record<ChannelId, Record<string, string>> = {
  portal: { applicationPassword: 'abcd efgh ijkl mnop' },
  wechat: { appSecret: '0123456789abcdef0123456789abcdef' },
  weibo: { accessToken: '2.00bench' },
  mastodon: { accessToken: 'bench-token' },
  appfeed: {},
};

/** An adapter that answers every publish "published" at once; every call safe to repeat. */
function noopAdapter(channel: ChannelId): AnyChannelAdapter {
  const safe = { safe: true, why: 'benchmark no-op' };
  let n = 0;
  const published = () =>
    Promise.resolve({
      kind: 'published' as const,
      remote: { remoteId: `${channel}-${++n}`, url: `https://example.gov.cn/${channel}/${n}` },
    });
  const adapter = {
    channel,
    repeatSafety: { publish: safe, update: safe, retract: safe },
    verify: () => Promise.resolve({ ok: true as const, accountName: channel, details: [] }),
    publish: published,
    status: published,
    update: () => Promise.reject(new Error('not used')),
    retract: () => Promise.reject(new Error('not used')),
    reconcile: () => Promise.resolve({ kind: 'absent' as const }),
  };
  // One no-op serves each channel's post type; the union's parameter types meet here.
  return adapter as unknown as AnyChannelAdapter;
}

/** The smallest post of the publication's channel (the no-op adapter reads none of it). */
function minimalPost(p: PublicationView, portalUrl: string | null): ChannelPost {
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

interface Desk {
  db: Database;
  outbox: OutboxRepository;
  accounts: { id: string; channel: ChannelId }[];
  adapters: Map<string, AnyChannelAdapter>;
  releases: { id: string; title: string; revision: number }[];
}

/** A data folder as the app opens it: 5 channel accounts, RELEASES drafts with a revision. */
function openDesk(dataDir: string): Desk {
  const { db } = openDatabase({ dataDir });
  const clock = systemClock;
  const accountsRepo = new AccountsRepository(db, clock, keyFileSecretBox(dataDir));
  const drafts = new DraftsRepository(db, clock);
  const accounts = CHANNEL_IDS.map((channel) => {
    const account = accountsRepo.create(
      { name: `${channel} 基准`, settings: SETTINGS[channel], secrets: SECRETS[channel] },
      PERSON,
    );
    return { id: account.id, channel };
  });
  const adapters = new Map(accounts.map((a) => [a.id, noopAdapter(a.channel)]));
  // Setup is not measured: one transaction (the repositories' own nest in it as savepoints).
  const releases = db.transaction(() =>
    Array.from({ length: RELEASES }, (_, i) => {
      const title = `第${i + 1}号 区政府新闻办公室发布会`;
      const draft = drafts.create({ kind: 'press_release', title }, PERSON);
      return { id: draft.id, title, revision: drafts.checkpoint(draft.id).number };
    }),
  )();
  return { db, outbox: new OutboxRepository(db, clock), accounts, adapters, releases };
}

/** One release's publications as publish.enqueue writes them: the portal first, the rest wait for it. */
function itemsOf(desk: Desk, release: Desk['releases'][number], at: Date | null): EnqueueItem[] {
  const ordered = [...desk.accounts].sort(
    (a, b) => Number(b.channel === 'portal') - Number(a.channel === 'portal'),
  );
  const portalIndex = ordered.findIndex((a) => a.channel === 'portal');
  return ordered.map((account, index) => ({
    releaseId: release.id,
    revision: release.revision,
    title: release.title,
    accountId: account.id,
    channel: account.channel,
    scheduledAt: at,
    dependsOn: portalIndex >= 0 && index !== portalIndex ? portalIndex : null,
  }));
}

function dispatcherOf(desk: Desk, timers?: DispatcherTimers): Dispatcher {
  return new Dispatcher({
    outbox: desk.outbox,
    clock: systemClock,
    adapterFor: (accountId) => desk.adapters.get(accountId),
    postFor: (p, context) => minimalPost(p, context.portalUrl),
    isOnline: () => true,
    isPaused: () => false,
    missedWindowMs: () => 30 * 60_000,
    onChange: () => {},
    timers,
    minIntervalMs: () => 0,
    perChannelConcurrency: 64,
    perAccountConcurrency: 64,
  });
}

function countByState(db: Database): Record<string, number> {
  const rows = db.prepare('SELECT state, count(*) AS n FROM publications GROUP BY state').all() as {
    state: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/**
 * Raw better-sqlite3, same pragmas, same folder: per row, insert it, claim it (UPDATE state),
 * mark it done (UPDATE), each its own commit. `run(rows)` does the next `rows` rows and
 * returns the seconds they took, so the baseline can be measured in parts around the core's
 * phases (the machine's noise then falls on both alike).
 */
function rawBaseline(path: string): { run(rows: number): number; close(): void } {
  const raw = new Sqlite(path);
  raw.pragma(`journal_mode = ${PRAGMAS.journal_mode}`);
  raw.pragma(`synchronous = ${PRAGMAS.synchronous}`);
  raw.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`);
  raw.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
  raw.exec(`
    CREATE TABLE outbox (
      id TEXT PRIMARY KEY, channel TEXT NOT NULL, state TEXT NOT NULL,
      next_attempt_at TEXT, lease_owner TEXT, remote_id TEXT, updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
  `);
  const insert = raw.prepare(
    "INSERT INTO outbox (id, channel, state, next_attempt_at, updated_at) VALUES (?, ?, 'queued', ?, ?)",
  );
  const claim = raw.prepare(
    "UPDATE outbox SET state = 'sending', lease_owner = 'bench', updated_at = ? WHERE id = ? AND state = 'queued'",
  );
  const done = raw.prepare(
    "UPDATE outbox SET state = 'published', remote_id = ?, lease_owner = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?",
  );
  const insertOne = raw.transaction((id: string, channel: string, now: string) =>
    insert.run(id, channel, now, now),
  );
  const claimOne = raw.transaction((id: string, now: string) => {
    if (claim.run(now, id).changes !== 1) throw new Error(`raw baseline: ${id} not claimed`);
  });
  const doneOne = raw.transaction((id: string, now: string) => done.run(`r-${id}`, now, id));
  let next = 0;
  return {
    run(rows) {
      const started = performance.now();
      for (const end = next + rows; next < end; next++) {
        const id = `p-${next}`;
        const channel = CHANNEL_IDS[next % CHANNEL_IDS.length] ?? 'portal';
        insertOne.immediate(id, channel, new Date().toISOString());
        claimOne.immediate(id, new Date().toISOString());
        doneOne.immediate(id, new Date().toISOString());
      }
      return (performance.now() - started) / 1000;
    },
    close() {
      const published = raw
        .prepare("SELECT count(*) FROM outbox WHERE state = 'published'")
        .pluck()
        .get();
      raw.close();
      if (published !== next) throw new Error(`raw baseline: ${String(published)} rows done`);
    },
  };
}

async function throughput(desk: Desk, rawPath: string): Promise<void> {
  // The baseline's 10,000 rows in three parts: before the enqueue, between the enqueue and the
  // dispatch, after the dispatch. Only the core's two phases are timed for the core.
  const raw = rawBaseline(rawPath);
  const third = Math.ceil(PUBLICATIONS / 3);
  let rawSeconds = raw.run(third);

  let started = performance.now();
  for (const release of desk.releases) desk.outbox.enqueue(itemsOf(desk, release, null), PERSON);
  const enqueueSeconds = (performance.now() - started) / 1000;

  rawSeconds += raw.run(third);

  const dispatcher = dispatcherOf(desk);
  started = performance.now();
  dispatcher.start();
  await dispatcher.idle();
  const dispatchSeconds = (performance.now() - started) / 1000;
  await dispatcher.stop();

  rawSeconds += raw.run(PUBLICATIONS - 2 * third);
  raw.close();

  const states = countByState(desk.db);
  if (states['published'] !== PUBLICATIONS) {
    throw new Error(`outbox bench: not all published: ${JSON.stringify(states)}`);
  }
  const rate = (n: number, seconds: number) => Math.round(n / seconds).toLocaleString('en-US');
  process.stdout.write(
    `Outbox: ${PUBLICATIONS.toLocaleString('en-US')} publications: enqueue ${(enqueueSeconds * 1000).toFixed(0)} ms (${RELEASES.toLocaleString('en-US')} calls, one commit each: ${rate(RELEASES, enqueueSeconds)} releases/s), dispatch ${(dispatchSeconds * 1000).toFixed(0)} ms (a claim and an outcome commit per publication: ${rate(PUBLICATIONS, dispatchSeconds)}/s); raw ${(rawSeconds * 1000).toFixed(0)} ms (${(3 * PUBLICATIONS).toLocaleString('en-US')} commits, in three parts around the two phases). Shared 2-core machine with others' tests running: fsync times vary a lot from run to run.\n`,
  );
  report({
    name: `outbox: ${RELEASES.toLocaleString('en-US')} releases x ${CHANNEL_IDS.length} channels, enqueue + dispatch to a no-op adapter, synchronous=FULL`,
    value: PUBLICATIONS / (enqueueSeconds + dispatchSeconds),
    unit: 'publications/s',
    baseline: {
      name: `raw better-sqlite3, one row per transaction: insert, claim, mark done, ${PUBLICATIONS.toLocaleString('en-US')} rows`,
      value: PUBLICATIONS / rawSeconds,
    },
    better: 'higher',
    target: { atLeast: 1.5, note: 'group the commits; fsync still guards every accepted release' },
  });
}

/** Real timers (unref'd, like the dispatcher's own), counting what is set and what fires. */
function countingTimers(): DispatcherTimers & { sets: number; fired: number } {
  const counts = {
    sets: 0,
    fired: 0,
    set: (fn: () => void, ms: number): unknown => {
      counts.sets++;
      const handle = setTimeout(() => {
        counts.fired++;
        fn();
      }, ms);
      handle.unref();
      return handle;
    },
    clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  return counts;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A Node process doing nothing, measuring its own CPU over IDLE_WINDOW_MS once it has settled;
 * it says 'ready' when its window begins, so the caller measures the same window.
 */
function idleNode(): { ready: Promise<void>; result: Promise<number> } {
  const script = `setTimeout(() => {
    const start = process.cpuUsage();
    process.stdout.write('ready\\n');
    setTimeout(() => {
      const d = process.cpuUsage(start);
      process.stdout.write(JSON.stringify(d.user + d.system) + '\\n');
    }, ${IDLE_WINDOW_MS});
  }, ${SETTLE_MS});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<number>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (out.startsWith('ready\n')) markReady();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const micros = Number(out.split('\n')[1]);
      if (code !== 0 || !Number.isFinite(micros)) {
        reject(new Error(`idle node baseline failed (exit ${String(code)}): ${out}`));
      } else resolve(micros);
    });
  });
  return { ready, result };
}

async function idleCpu(desk: Desk): Promise<void> {
  const at = new Date(Date.now() + WEEK_MS);
  const before = countByState(desk.db)['scheduled'] ?? 0;
  for (const release of desk.releases) desk.outbox.enqueue(itemsOf(desk, release, at), PERSON);
  const scheduled = (countByState(desk.db)['scheduled'] ?? 0) - before;
  if (scheduled !== PUBLICATIONS) throw new Error(`idle bench: ${scheduled} scheduled`);

  const baseline = idleNode();
  const timers = countingTimers();
  const dispatcher = dispatcherOf(desk, timers);
  const startedAt = performance.now();
  dispatcher.start();
  await dispatcher.idle();
  const startupMs = performance.now() - startedAt;
  await baseline.ready;
  const sets0 = timers.sets;
  const fired0 = timers.fired;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  await sleep(IDLE_WINDOW_MS);
  const cpu = process.cpuUsage(cpu0);
  const wallSeconds = (performance.now() - wall0) / 1000;
  const sets = timers.sets - sets0;
  const fired = timers.fired - fired0;
  await dispatcher.stop();
  const baselineMicros = await baseline.result;
  const ours = (cpu.user + cpu.system) / 1000 / wallSeconds;
  const theirs = baselineMicros / 1000 / (IDLE_WINDOW_MS / 1000);
  process.stdout.write(
    `Outbox idle: ${scheduled.toLocaleString('en-US')} scheduled a week ahead (beside ${PUBLICATIONS.toLocaleString('en-US')} published); start-up pass ${startupMs.toFixed(0)} ms; in the ${(wallSeconds * 1000).toFixed(0)} ms window: ${fired} dispatcher timer(s) fired, ${sets} set\n`,
  );
  report({
    name: `outbox dispatcher idle with ${scheduled.toLocaleString('en-US')} publications scheduled a week ahead, CPU over a ${IDLE_WINDOW_MS / 1000} s window (${fired} timers fired)`,
    value: ours,
    unit: 'CPU ms/s',
    baseline: { name: 'an idle Node process doing nothing, same window', value: theirs },
    better: 'lower',
    limit: { atMost: 1 },
  });
}

export async function benchOutbox(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pressdesk-bench-outbox-'));
  try {
    const desk = openDesk(join(dir, 'core'));
    try {
      await throughput(desk, join(dir, 'raw.sqlite'));
      await idleCpu(desk);
    } finally {
      desk.db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
