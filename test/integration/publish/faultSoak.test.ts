import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../../src/core/app.ts';
import { manualClock } from '../../../src/core/clock.ts';
import type { DispatcherTimers } from '../../../src/core/publish/dispatcher.ts';
import type { Fault } from '../../../src/core/channels/sandbox/faultScript.ts';
import {
  startSandboxChannels,
  type SandboxChannels,
} from '../../../src/core/channels/sandbox/sandboxChannels.ts';
import type { AccountList } from '../../../src/shared/channels/account.ts';
import type { ChannelId } from '../../../src/shared/content/channelId.ts';
import type {
  PublicationDetail,
  PublicationView,
} from '../../../src/shared/publish/publication.ts';
import { FINAL_STATES, WAITING_STATES } from '../../../src/shared/publish/publicationState.ts';
import { solidPng } from '../../fixtures/images.ts';
import { callValue } from '../../fixtures/callValue.ts';

/** Each channel's call that creates the public copy. */
const CREATE: Record<Exclude<ChannelId, 'appfeed'>, RegExp> = {
  portal: /\/wp\/v2\/posts$/,
  wechat: /\/cgi-bin\/freepublish\/submit$/,
  weibo: /\/2\/statuses\/share\.json$/,
  mastodon: /\/api\/v1\/statuses$/,
};
const CREATE_PATH: Record<ChannelId, string> = {
  portal: '/wp-json/wp/v2/posts',
  wechat: '/cgi-bin/freepublish/submit',
  weibo: '/2/statuses/share.json',
  mastodon: '/api/v1/statuses',
  appfeed: '/webhooks',
};

/** Every fault of the sandbox's fault script, once each, on a channel's create call. */
const FAULTS: Fault[] = [
  { kind: 'delay', ms: 300 },
  { kind: 'status', status: 503, body: '{"error":"unavailable"}' },
  { kind: 'rate-limit', retryAfterSeconds: 1 },
  { kind: 'reset-after-commit' },
  { kind: 'malformed-json' },
  { kind: 'html-error' },
  { kind: 'truncate' },
  { kind: 'reset-before' },
];
/**
 * Tokens that lapse: WeChat renews its own (stable_token); on the other channels an invalid
 * token or revoked password needs a person (re-authorisation), which the adapters' own tests
 * cover.
 */
const TOKEN_FAULTS: Partial<Record<ChannelId, Fault[]>> = { wechat: [{ kind: 'expire-token' }] };

/**
 * Fault-script soak: every kind of fault on every channel's create call while releases are
 * published through the real dispatcher. Every publication must end in a final or a waiting
 * state, after a bounded number of attempts, and no channel may hold a copy twice.
 */
describe('publishing through every fault of the sandbox channels', () => {
  let dataDir: string;
  let sandbox: SandboxChannels;
  let app: DeskApp;
  const call = <T>(method: string, input: unknown): Promise<T> => callValue<T>(app, method, input);

  /**
   * Virtual time: the app, its adapters and the simulators share one manual clock, and the
   * dispatcher's timers fire when the test says so. Backoffs of minutes pass in milliseconds,
   * while every request is real HTTP to the simulators.
   */
  const clock = manualClock('2026-11-27T01:00:00Z');
  let lastSet = Date.now();
  let nextHandle = 0;
  const pending = new Map<number, { fn: () => void; at: number }>();
  const timers: DispatcherTimers = {
    set: (fn, ms) => {
      const handle = ++nextHandle;
      pending.set(handle, { fn, at: clock.now().getTime() + ms });
      lastSet = Date.now();
      return handle;
    },
    clear: (handle) => {
      pending.delete(handle as number);
    },
  };
  /** Fires the earliest timer, moving the clock to its time (never back). */
  const fireNext = (): boolean => {
    const first = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
    if (first === undefined) return false;
    const [handle, next] = first;
    pending.delete(handle);
    if (next.at > clock.now().getTime()) clock.set(new Date(next.at));
    next.fn();
    return true;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pressdesk-faults-'));
    sandbox = await startSandboxChannels({ dataDir, now: () => clock.now() });
    app = createApp({ dataDir, runtime: 'headless', sandbox, clock, dispatcherTuning: { timers } });
  });
  afterAll(async () => {
    await app.shutdown();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'ends every publication final or waiting, with bounded attempts and no copy twice',
    { timeout: 120_000 },
    async () => {
      for (const channel of Object.keys(CREATE_PATH) as ChannelId[]) {
        sandbox.channels[channel].faults.set(
          [...FAULTS, ...(TOKEN_FAULTS[channel] ?? [])].map((fault) => ({
            method: 'POST',
            path: CREATE_PATH[channel],
            fault,
          })),
        );
      }
      const cover = await call<{ hash: string }>('media.import', {
        fileName: 'cover.png',
        dataBase64: solidPng(64, 40).toString('base64'),
      });
      const accounts = (await call<AccountList>('accounts.list', {})).items.filter(
        (a) => a.sandbox,
      );
      const releases: string[] = [];
      for (let n = 1; n <= 6; n++) {
        const draft = await call<{ id: string }>('drafts.create', {
          kind: 'press_release',
          title: `区政府第${n}次新闻发布会`,
          meta: { kind: 'press_release', coverImage: cover.hash },
          body: {
            root: {
              type: 'root',
              version: 1,
              children: [
                {
                  type: 'paragraph',
                  version: 1,
                  children: [{ type: 'text', text: `第${n}次发布会通报了近期工作。`, version: 1 }],
                },
              ],
            },
          },
        });
        releases.push(draft.id);
        await call('publish.enqueue', {
          releaseId: draft.id,
          items: accounts.map((a) => ({ accountId: a.id, scheduledAt: null })),
        });
      }

      const done = new Set<string>([...FINAL_STATES, ...WAITING_STATES]);
      const waiting = new Set<string>(WAITING_STATES);
      // Settled: final, waiting for a person, or queued behind a portal page that waits for one.
      const isSettled = (p: PublicationView, list: PublicationView[]) =>
        done.has(p.state) ||
        (p.state === 'queued' &&
          p.dependsOn !== null &&
          waiting.has(list.find((d) => d.id === p.dependsOn)?.state ?? ''));
      let all: PublicationView[] = [];
      // Drive virtual time: when nothing has happened for a moment (no request in flight set a
      // timer), jump to the next timer. Bounded: at most 3,000 steps.
      for (let i = 0; i < 3000; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        all = (
          await Promise.all(
            releases.map((id) => call<PublicationView[]>('publish.list', { releaseId: id })),
          )
        ).flat();
        if (all.every((p) => isSettled(p, all))) break;
        if (Date.now() - lastSet >= 60 && !all.some((p) => p.state === 'sending')) fireNext();
      }
      console.info(
        `virtual time passed: ${((clock.now().getTime() - Date.parse('2026-11-27T01:00:00Z')) / 60_000).toFixed(1)} min`,
      );
      const states = all.reduce<Record<string, number>>(
        (acc, p) => ({ ...acc, [p.state]: (acc[p.state] ?? 0) + 1 }),
        {},
      );
      console.info(`states after the faults: ${JSON.stringify(states)}`);
      expect(
        all.filter((p) => !isSettled(p, all)),
        JSON.stringify(states),
      ).toEqual([]);
      expect(all).toHaveLength(30);
      // Most get through; what could not be settled waits for a person, it is never lost.
      expect(states['published'] ?? 0).toBeGreaterThanOrEqual(20);
      for (const p of all) {
        const detail = await call<PublicationDetail>('publish.get', { id: p.id });
        expect(detail.attemptLog.length, `${p.channel} ${p.state}`).toBeLessThanOrEqual(12);
      }

      // No copy twice: the creates each channel committed equal its published publications.
      for (const channel of Object.keys(CREATE) as (keyof typeof CREATE)[]) {
        const committed = sandbox.channels[channel].records().filter(
          (r) =>
            r.method === 'POST' &&
            CREATE[channel].test(r.path) &&
            // A repeat answered with the original (Mastodon's Idempotency-Key) is no new copy.
            !/returned again/.test(r.note) &&
            ((r.status >= 200 && r.status < 300 && !/errcode|error/i.test(r.note)) ||
              /after commit|malformed|truncated/.test(r.note)),
        ).length;
        const published = all.filter(
          (p) => p.channel === channel && p.state === 'published',
        ).length;
        const unknown = all.filter((p) => p.channel === channel && p.state === 'unknown').length;
        expect(
          committed,
          `${channel}: ${committed} copies for ${published} published`,
        ).toBeGreaterThanOrEqual(published);
        expect(
          committed,
          `${channel}: ${committed} copies for ${published} published`,
        ).toBeLessThanOrEqual(published + unknown);
      }
      const feed = (await (await fetch(`${sandbox.channels.appfeed.url}/feed.json`)).json()) as {
        items: { id: string }[];
      };
      expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    },
  );
});
