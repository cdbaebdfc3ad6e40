import type { ChannelId } from '../../shared/content/channelId.ts';

/**
 * The least time between two requests the dispatcher starts on one channel: Weibo and WeChat
 * count calls per app and punish bursts (Weibo's frequency limits, WeChat's per-minute quotas),
 * the others are gentler. Sandbox channels run on this computer and need no spacing.
 */
export const CHANNEL_MIN_INTERVAL_MS: Readonly<Record<ChannelId, number>> = {
  weibo: 10_000,
  wechat: 5_000,
  portal: 1_000,
  mastodon: 1_000,
  appfeed: 1_000,
};

export function defaultMinIntervalMs(channel: ChannelId, sandbox: boolean): number {
  return sandbox ? 0 : CHANNEL_MIN_INTERVAL_MS[channel];
}

/**
 * Spaces calls per key (a channel): `waitMs` says how long until the next call may start,
 * `note` records that one started. In memory: after a restart the first call goes at once,
 * which a channel's own limits tolerate (one call, not a burst).
 */
export class MinIntervalLimiter {
  private readonly last = new Map<string, number>();

  waitMs(key: string, intervalMs: number, now: Date): number {
    const last = this.last.get(key);
    if (last === undefined || intervalMs <= 0) return 0;
    return Math.max(0, last + intervalMs - now.getTime());
  }

  note(key: string, now: Date): void {
    this.last.set(key, now.getTime());
  }
}
