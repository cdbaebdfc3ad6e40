import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { afterEach } from 'vitest';
import type { ChannelAdapter } from '../../../../src/core/channels/adapter.ts';
import { memoryUploadCache } from '../../../../src/core/channels/adapterOptions.ts';
import type { MediaFile, PostOf } from '../../../../src/core/channels/channelPost.ts';
import { createWeiboAdapter } from '../../../../src/core/channels/weibo/weiboAdapter.ts';
import type { WeiboSimOptions } from '../../../../src/core/channels/weibo/sandbox/weiboSim.ts';
import {
  startWeiboSandbox,
  type WeiboSandbox,
} from '../../../../src/core/channels/weibo/sandbox/weiboSimulator.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import type { SettingsOf } from '../../../../src/shared/channels/accountSettings.ts';

export const PORTAL_URL = 'https://www.tongzhou.gov.cn/art/2025/3/1/art_1.html';

/** A Weibo sandbox per test (closed after it) on a manual clock shared with the adapter. */
export function useWeiboSandbox() {
  const START = '2025-03-01T02:00:00Z';
  const clock = manualClock(START);
  const open: WeiboSandbox[] = [];
  afterEach(async () => {
    clock.set(START);
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    clock,
    async start(options: Omit<WeiboSimOptions, 'now'> = {}): Promise<WeiboSandbox> {
      const sandbox = await startWeiboSandbox({ ...options, now: () => clock.now() });
      open.push(sandbox);
      return sandbox;
    },
    adapter(
      sandbox: WeiboSandbox,
      overrides: { settings?: Partial<SettingsOf<'weibo'>>; secrets?: Record<string, string> } = {},
    ): ChannelAdapter<'weibo'> {
      return createWeiboAdapter({
        settings: { ...sandbox.account.settings, ...overrides.settings },
        secrets: overrides.secrets ?? sandbox.account.secrets,
        clock,
        uploads: memoryUploadCache(),
        sleep: () => Promise.resolve(),
      });
    },
  };
}

export function weiboPost(text: string, image: MediaFile | null = null): PostOf<'weibo'> {
  return { channel: 'weibo', key: 'release-1-weibo', releaseId: 'release-1', text, image };
}

export function mediaFile(bytes: Buffer, mimeType: string, fileName: string): MediaFile {
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    fileName,
    mimeType,
    byteLength: bytes.length,
    alt: '',
    read: () => Promise.resolve(bytes),
  };
}

/** A port on 127.0.0.1 where nothing listens (a server opened there, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
