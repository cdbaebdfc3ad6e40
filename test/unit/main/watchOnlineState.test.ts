import { describe, expect, it, vi } from 'vitest';
import { NetworkStatus } from '../../../src/core/network/networkStatus.ts';
import { watchOnlineState } from '../../../src/main/watchOnlineState.ts';

describe('watchOnlineState', () => {
  it("follows Electron's net.isOnline() into the app's network status", () => {
    vi.useFakeTimers();
    const net = {
      online: false,
      isOnline() {
        return this.online;
      },
    };
    const status = new NetworkStatus(true);
    const stop = watchOnlineState(net, status, 1_000);
    expect(status.online).toBe(false);
    net.online = true;
    vi.advanceTimersByTime(1_000);
    expect(status.online).toBe(true);
    stop();
    net.online = false;
    vi.advanceTimersByTime(5_000);
    expect(status.online).toBe(true);
    vi.useRealTimers();
  });
});
