import type { Net } from 'electron';
import type { NetworkStatus } from '../core/network/networkStatus.ts';

/**
 * The desktop shell's network signal: Electron's net.isOnline() (the operating system's
 * connectivity), read every few seconds into the app's NetworkStatus. Returns a stop function.
 */
export function watchOnlineState(
  net: Pick<Net, 'isOnline'>,
  status: NetworkStatus,
  intervalMs = 5_000,
): () => void {
  status.set(net.isOnline());
  const timer = setInterval(() => status.set(net.isOnline()), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
