import type { DeskClient } from './client.ts';

/**
 * Latches once any call is refused as `unauthorized` (the headless host without this run's
 * token cookie). Created before the first render so no early failure is missed; read with
 * useSyncExternalStore. It never un-latches: the cure is opening the printed address, which
 * loads the page afresh.
 */
export interface AccessMonitor {
  subscribe(onChange: () => void): () => void;
  isUnauthorized(): boolean;
}

export function createAccessMonitor(client: DeskClient): AccessMonitor {
  let unauthorized = false;
  const listeners = new Set<() => void>();
  client.onFailure((error) => {
    if (error.code !== 'unauthorized' || unauthorized) return;
    unauthorized = true;
    for (const listener of [...listeners]) listener();
  });
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    isUnauthorized: () => unauthorized,
  };
}
