import { useMemo, useSyncExternalStore } from 'react';
import { parseHash, type Route } from './route.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = (): string => window.location.hash;

/** The current route and the raw hash it came from; re-renders on every hash change. */
export function useHashRoute(): { route: Route; hash: string } {
  const hash = useSyncExternalStore(subscribe, readHash);
  const route = useMemo(() => parseHash(hash), [hash]);
  return { route, hash };
}
