import { useSyncExternalStore, type ReactNode } from 'react';
import type { AccessMonitor } from '../../api/accessMonitor.ts';
import { UnauthorizedPage } from './UnauthorizedPage.tsx';

/** Shows the app, or, once any call was refused as `unauthorized`, only the way back in. */
export function AccessGate({ monitor, children }: { monitor: AccessMonitor; children: ReactNode }) {
  const unauthorized = useSyncExternalStore(monitor.subscribe, monitor.isUnauthorized);
  return unauthorized ? <UnauthorizedPage /> : children;
}
