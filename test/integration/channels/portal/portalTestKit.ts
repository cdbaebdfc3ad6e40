import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import type { ChannelAdapter } from '../../../../src/core/channels/adapter.ts';
import {
  memoryUploadCache,
  type UploadCache,
} from '../../../../src/core/channels/adapterOptions.ts';
import {
  channelHttp,
  type ChannelHttp,
  type HttpRequest,
} from '../../../../src/core/channels/channelHttp.ts';
import type { MediaFile, PostOf } from '../../../../src/core/channels/channelPost.ts';
import { createPortalAdapter } from '../../../../src/core/channels/portal/portalAdapter.ts';
import type { WordpressSimOptions } from '../../../../src/core/channels/portal/sandbox/wordpressSim.ts';
import {
  startPortalSandbox,
  type PortalSandbox,
} from '../../../../src/core/channels/portal/sandbox/wordpressSimulator.ts';
import { manualClock, type Clock } from '../../../../src/core/clock.ts';
import type { SettingsOf } from '../../../../src/shared/channels/accountSettings.ts';
import { JPEG_2x3, solidPng } from '../../../fixtures/images.ts';

export const START = '2026-03-01T02:00:00Z';

/** Every request an adapter sent, in order, beside the real HTTP client. */
export function recordingHttp(): { http: ChannelHttp; sent: HttpRequest[] } {
  const real = channelHttp('portal');
  const sent: HttpRequest[] = [];
  return {
    sent,
    http: (request) => {
      sent.push(request);
      return real(request);
    },
  };
}

export interface AdapterOverrides {
  settings?: Partial<SettingsOf<'portal'>>;
  secrets?: Record<string, string>;
  http?: ChannelHttp;
  uploads?: UploadCache;
  clock?: Clock;
}

/** A portal sandbox per test (closed after it) on a manual clock shared with the adapter. */
export function usePortalSandbox() {
  const clock = manualClock(START);
  const open: PortalSandbox[] = [];
  afterEach(async () => {
    clock.set(START);
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return {
    clock,
    async start(options: Omit<WordpressSimOptions, 'now'> = {}): Promise<PortalSandbox> {
      const sandbox = await startPortalSandbox({ ...options, now: () => clock.now() });
      open.push(sandbox);
      return sandbox;
    },
    adapter(sandbox: PortalSandbox, overrides: AdapterOverrides = {}): ChannelAdapter<'portal'> {
      return createPortalAdapter({
        settings: { ...sandbox.account.settings, ...overrides.settings },
        secrets: overrides.secrets ?? sandbox.account.secrets,
        http: overrides.http,
        clock: overrides.clock ?? clock,
        uploads: overrides.uploads ?? memoryUploadCache(),
        sleep: () => Promise.resolve(),
      });
    },
  };
}

export function mediaFile(
  bytes: Buffer,
  mimeType: string,
  fileName: string,
  alt = '',
): MediaFile & { reads: () => number } {
  let reads = 0;
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    fileName,
    mimeType,
    byteLength: bytes.length,
    alt,
    read: () => {
      reads++;
      return Promise.resolve(bytes);
    },
    reads: () => reads,
  };
}

export const COVER = mediaFile(
  solidPng(4, 3, [20, 90, 160]),
  'image/png',
  '封面 图.png',
  '区政府大楼',
);
export const PHOTO = mediaFile(JPEG_2x3, 'image/jpeg', 'site photo.jpg', '会议现场');

/**
 * A portal post whose HTML places each image as the portal renderer does (a figure with the
 * image's URL and its alt text).
 */
export function portalPost(overrides: Partial<PostOf<'portal'>> = {}): PostOf<'portal'> {
  const images = overrides.images ?? [PHOTO];
  return {
    channel: 'portal',
    key: 'rel-1-portal',
    releaseId: 'rel-1',
    title: '关于开展2026年春季植树活动的通知',
    excerpt: '区绿化办组织春季义务植树。',
    html: (imageUrl) =>
      `<p>各街道、乡镇：</p>${images
        .map((image) => `<figure><img src="${imageUrl(image.hash)}" alt="${image.alt}"></figure>`)
        .join('')}<p>特此通知。</p>`,
    images,
    cover: COVER,
    tags: ['植树', '绿化'],
    publishAt: null,
    ...overrides,
  };
}
