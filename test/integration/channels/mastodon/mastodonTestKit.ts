import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import type { ChannelAdapter } from '../../../../src/core/channels/adapter.ts';
import { memoryUploadCache } from '../../../../src/core/channels/adapterOptions.ts';
import type { ChannelHttp } from '../../../../src/core/channels/channelHttp.ts';
import type { MediaFile, PostOf } from '../../../../src/core/channels/channelPost.ts';
import { createMastodonAdapter } from '../../../../src/core/channels/mastodon/mastodonAdapter.ts';
import type { MastodonSimOptions } from '../../../../src/core/channels/mastodon/sandbox/mastodonSim.ts';
import {
  startMastodonSandbox,
  type MastodonSandbox,
} from '../../../../src/core/channels/mastodon/sandbox/mastodonSimulator.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import type { SettingsOf } from '../../../../src/shared/channels/accountSettings.ts';
import { solidPng } from '../../../fixtures/images.ts';

export const PORTAL_URL = 'https://www.tongzhou.gov.cn/art/2025/3/1/art_1.html';

/** A Mastodon sandbox per test (closed after it) on a manual clock shared with the adapter. */
export function useMastodonSandbox() {
  const START = '2025-03-01T02:00:00Z';
  const clock = manualClock(START);
  const open: MastodonSandbox[] = [];
  const sleeps: number[] = [];
  afterEach(async () => {
    clock.set(START);
    sleeps.splice(0);
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    clock,
    /** Every wait the adapters asked for (the sleep is instant). */
    sleeps,
    async start(options: Omit<MastodonSimOptions, 'now'> = {}): Promise<MastodonSandbox> {
      const sandbox = await startMastodonSandbox({ ...options, now: () => clock.now() });
      open.push(sandbox);
      return sandbox;
    },
    adapter(
      sandbox: MastodonSandbox,
      overrides: {
        settings?: Partial<SettingsOf<'mastodon'>>;
        secrets?: Record<string, string>;
        http?: ChannelHttp;
      } = {},
    ): ChannelAdapter<'mastodon'> {
      return createMastodonAdapter({
        settings: { ...sandbox.account.settings, ...overrides.settings },
        secrets: overrides.secrets ?? sandbox.account.secrets,
        clock,
        uploads: memoryUploadCache(),
        http: overrides.http,
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      });
    },
  };
}

export function mastodonPost(
  text: string,
  media: MediaFile[] = [],
  key = 'release-1-mastodon',
): PostOf<'mastodon'> {
  return { channel: 'mastodon', key, releaseId: 'release-1', text, media, language: 'zh' };
}

export function image(
  name: string,
  alt: string,
  rgb: [number, number, number] = [10, 20, 30],
): MediaFile {
  const bytes = solidPng(4, 4, rgb);
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    fileName: name,
    mimeType: 'image/png',
    byteLength: bytes.length,
    alt,
    read: () => Promise.resolve(bytes),
  };
}

/** The requests the sandbox received on a path (method and path prefix). */
export function received(sandbox: MastodonSandbox, method: string, prefix: string) {
  return sandbox.records().filter((r) => r.method === method && r.path.startsWith(prefix));
}
