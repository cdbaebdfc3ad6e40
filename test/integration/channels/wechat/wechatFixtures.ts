import { createHash } from 'node:crypto';
import type { SettingsOf } from '../../../../src/shared/channels/accountSettings.ts';
import { afterEach, beforeEach } from 'vitest';
import {
  memoryUploadCache,
  type UploadCache,
} from '../../../../src/core/channels/adapterOptions.ts';
import type { ChannelAdapter } from '../../../../src/core/channels/adapter.ts';
import type { ChannelHttp } from '../../../../src/core/channels/channelHttp.ts';
import type { MediaFile, PostOf } from '../../../../src/core/channels/channelPost.ts';
import {
  startWechatSandbox,
  type WechatSandbox,
} from '../../../../src/core/channels/wechat/sandbox/wechatSimulator.ts';
import { createWechatAdapter } from '../../../../src/core/channels/wechat/wechatAdapter.ts';
import { forgetWechatTokens } from '../../../../src/core/channels/wechat/wechatTokens.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import { solidPng } from '../../../fixtures/images.ts';

/** A library image over bytes in memory. */
export function mediaFile(bytes: Buffer, fileName: string, mimeType = 'image/png'): MediaFile {
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    fileName,
    mimeType,
    byteLength: bytes.length,
    alt: fileName,
    read: () => Promise.resolve(bytes),
  };
}

export const IMAGE_A = mediaFile(solidPng(4, 3, [200, 30, 30]), '发布会现场.png');
export const IMAGE_B = mediaFile(solidPng(3, 4, [30, 120, 200]), '图表.png');
export const COVER = mediaFile(solidPng(9, 5, [20, 160, 60]), '封面.png');

/** A WeChat post whose body shows each of its images by the URL the adapter gives. */
export function wechatPost(overrides: Partial<PostOf<'wechat'>> = {}): PostOf<'wechat'> {
  const images = overrides.images ?? [IMAGE_A, IMAGE_B];
  return {
    channel: 'wechat',
    key: 'release-1-wechat',
    releaseId: 'release-1',
    title: '关于开展2025年度安全生产检查的通知',
    author: '区政府办公室',
    digest: '区政府决定在全区开展安全生产检查。',
    html: (imageUrl) =>
      `<section style="font-size:16px;"><p style="text-indent:2em;">为进一步做好安全生产工作，现将有关事项通知如下。</p>${images
        .map(
          (image) =>
            `<p style="text-align:center;"><img src="${imageUrl(image.hash)}" alt="${image.alt}"></p>`,
        )
        .join('')}</section>`,
    images,
    cover: COVER,
    sourceUrl: 'https://www.example.gov.cn/zwgk/2025/notice-1.html',
    ...overrides,
  };
}

export interface WechatRig {
  sandbox: WechatSandbox;
  clock: ReturnType<typeof manualClock>;
  uploads: UploadCache;
  /** Waits the adapter asked for (the sleep is instant). */
  sleeps: number[];
  adapter(options?: {
    secrets?: Record<string, string>;
    settings?: Partial<Omit<SettingsOf<'wechat'>, 'channel'>>;
    http?: ChannelHttp;
  }): ChannelAdapter<'wechat'>;
}

/**
 * A sandbox on a manual clock shared with the adapters, closed after each test. Token holders
 * are forgotten before each test, as ports (and so holder keys) may be reused.
 */
export function useWechatRig(options: { publishDelayMs?: number } = {}): () => Promise<WechatRig> {
  const open: WechatSandbox[] = [];
  beforeEach(() => {
    forgetWechatTokens();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async () => {
    const clock = manualClock('2025-06-02T02:00:00Z');
    const sandbox = await startWechatSandbox({
      now: clock.now,
      publishDelayMs: options.publishDelayMs ?? 20_000,
    });
    open.push(sandbox);
    const uploads = memoryUploadCache();
    const sleeps: number[] = [];
    return {
      sandbox,
      clock,
      uploads,
      sleeps,
      adapter: (o = {}) =>
        createWechatAdapter({
          settings: { ...sandbox.account.settings, ...o.settings },
          secrets: o.secrets ?? sandbox.account.secrets,
          clock,
          uploads,
          http: o.http,
          sleep: (ms) => {
            sleeps.push(ms);
            return Promise.resolve();
          },
        }),
    };
  };
}
