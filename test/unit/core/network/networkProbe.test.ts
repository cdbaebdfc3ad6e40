import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNetworkProbe } from '../../../../src/core/network/networkProbe.ts';
import { NetworkStatus } from '../../../../src/core/network/networkStatus.ts';

describe('NetworkStatus', () => {
  it('tells its listeners of changes only', () => {
    const status = new NetworkStatus(true);
    const heard: boolean[] = [];
    const stop = status.onChange((online) => heard.push(online));
    status.set(true);
    status.set(false);
    status.set(false);
    status.set(true);
    stop();
    status.set(false);
    expect(heard).toEqual([false, true]);
  });
});

describe('startNetworkProbe', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is online while one account host resolves, offline when none does, and recovers', async () => {
    vi.useFakeTimers();
    const status = new NetworkStatus(true);
    let reachable = new Set(['api.weixin.qq.com']);
    const stop = startNetworkProbe({
      status,
      hosts: () => ['api.weibo.com', 'api.weixin.qq.com'],
      resolve: (host) =>
        reachable.has(host) ? Promise.resolve() : Promise.reject(new Error('ENOTFOUND')),
      intervalMs: 30_000,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(status.online).toBe(true);
    reachable = new Set();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(status.online).toBe(false);
    reachable = new Set(['api.weibo.com']);
    // While offline it probes every 5 s, to resume quickly.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(status.online).toBe(true);
    stop();
  });

  it('counts as online with no real accounts, or only local and literal addresses', async () => {
    const status = new NetworkStatus(false);
    const resolve = vi.fn(() => Promise.reject(new Error('never asked')));
    const stop = startNetworkProbe({
      status,
      hosts: () => ['127.0.0.1', 'localhost', '::1'],
      resolve,
    });
    await vi.waitFor(() => expect(status.online).toBe(true));
    expect(resolve).not.toHaveBeenCalled();
    stop();
  });
});
