import type { SettingsOf } from '../../shared/channels/accountSettings.ts';
import type { ChannelId } from '../../shared/content/channelId.ts';
import type { Clock } from '../clock.ts';
import type { ChannelHttp } from './channelHttp.ts';

/**
 * Remote copies of library images, per account, by content hash (WeChat uploadimg URLs,
 * WordPress media ids): an image is uploaded once per account, not once per release.
 */
export interface UploadCache {
  get(hash: string, kind: string): string | undefined;
  set(hash: string, kind: string, value: string): void;
}

/** An UploadCache in memory, for tests and connection checks. */
export function memoryUploadCache(): UploadCache {
  const map = new Map<string, string>();
  return {
    get: (hash, kind) => map.get(`${kind}:${hash}`),
    set: (hash, kind, value) => {
      map.set(`${kind}:${hash}`, value);
    },
  };
}

/** What every adapter factory takes: the account's settings and secrets, and its tools. */
export interface AdapterOptions<C extends ChannelId> {
  settings: SettingsOf<C>;
  /** Decrypted secrets of the account, by field name (SECRET_FIELDS). */
  secrets: Readonly<Record<string, string>>;
  /** Defaults to channelHttp(channel). Tests pass one that counts or fails requests. */
  http?: ChannelHttp | undefined;
  clock: Clock;
  /** Waiting inside one call (media processing polls); tests pass a fast one. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  uploads: UploadCache;
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
