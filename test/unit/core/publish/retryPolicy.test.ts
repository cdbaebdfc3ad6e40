import { describe, expect, it } from 'vitest';
import {
  MinIntervalLimiter,
  defaultMinIntervalMs,
} from '../../../../src/core/publish/rateLimiter.ts';
import {
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  retryDelay,
  retryWait,
} from '../../../../src/core/publish/retryPolicy.ts';

describe('retryDelay', () => {
  it('doubles its ceiling per attempt up to the cap, with full jitter below it', () => {
    const top = (attempt: number) => retryDelay(attempt, { random: () => 0.999999 });
    expect(top(1)).toBe(Math.floor(0.999999 * RETRY_BASE_MS));
    expect(top(2)).toBe(Math.floor(0.999999 * 2 * RETRY_BASE_MS));
    expect(top(3)).toBe(Math.floor(0.999999 * 4 * RETRY_BASE_MS));
    expect(top(20)).toBe(Math.floor(0.999999 * RETRY_CAP_MS));
    expect(top(10_000)).toBe(Math.floor(0.999999 * RETRY_CAP_MS));
    expect(retryDelay(5, { random: () => 0 })).toBe(0);
    expect(retryDelay(2, { baseMs: 1000, capMs: 1500, random: () => 0.5 })).toBe(750);
  });

  it('spreads delays over the whole range with the default random', () => {
    const samples = Array.from({ length: 2000 }, () => retryDelay(1));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(RETRY_BASE_MS);
    expect(samples.filter((s) => s < RETRY_BASE_MS / 2).length).toBeGreaterThan(800);
    expect(samples.filter((s) => s >= RETRY_BASE_MS / 2).length).toBeGreaterThan(800);
  });

  it('never waits less than the channel asked (Retry-After)', () => {
    expect(retryWait(1, 120_000, () => 0.5)).toBe(120_000);
    expect(retryWait(3, 1000, () => 0.5)).toBe(60_000);
    expect(retryWait(1, -5, () => 0)).toBe(0);
  });
});

describe('MinIntervalLimiter', () => {
  it('spaces calls per key and lets the sandbox go without spacing', () => {
    const limiter = new MinIntervalLimiter();
    const t0 = new Date('2026-11-27T01:00:00Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);
    expect(limiter.waitMs('weibo', 10_000, t0)).toBe(0);
    limiter.note('weibo', t0);
    expect(limiter.waitMs('weibo', 10_000, later(4000))).toBe(6000);
    expect(limiter.waitMs('weibo', 10_000, later(10_000))).toBe(0);
    expect(limiter.waitMs('portal', 1000, later(1))).toBe(0);
    expect(defaultMinIntervalMs('weibo', false)).toBe(10_000);
    expect(defaultMinIntervalMs('wechat', false)).toBe(5_000);
    expect(defaultMinIntervalMs('mastodon', false)).toBe(1_000);
    expect(defaultMinIntervalMs('weibo', true)).toBe(0);
  });
});
