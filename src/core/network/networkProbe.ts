import { lookup } from 'node:dns/promises';
import type { NetworkStatus } from './networkStatus.ts';

export interface NetworkProbeOptions {
  status: NetworkStatus;
  /** The host names to reach (the real, non-sandbox accounts' hosts); none: online. */
  hosts(): string[];
  /** Resolves a host name; rejects when it cannot (default: DNS lookup). */
  resolve?: ((host: string) => Promise<unknown>) | undefined;
  /** Between probes (default 30 s; 5 s while offline, to resume quickly). */
  intervalMs?: number | undefined;
}

/**
 * The headless host's network signal: online while at least one of the accounts' hosts
 * resolves (loopback and IP addresses always count). Probes on a timer that does not keep the
 * process alive; returns a function that stops it.
 */
export function startNetworkProbe(options: NetworkProbeOptions): () => void {
  const resolve = options.resolve ?? ((host: string) => lookup(host));
  const interval = options.intervalMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const probe = async () => {
    const hosts = options.hosts().filter((h) => !isLocalOrAddress(h));
    let online = hosts.length === 0;
    for (const host of hosts) {
      try {
        await resolve(host);
        online = true;
        break;
      } catch {
        // Try the next host; all failing means offline.
      }
    }
    if (stopped) return;
    options.status.set(online);
    timer = setTimeout(() => void probe(), online ? interval : Math.min(interval, 5_000));
    timer.unref();
  };
  void probe();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

function isLocalOrAddress(host: string): boolean {
  return host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':');
}
