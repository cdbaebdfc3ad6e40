import type { DeskBridge } from '../../shared/api/bridge.ts';
import { createHttpTransport } from './httpTransport.ts';
import { createIpcTransport } from './ipcTransport.ts';
import type { Transport } from './transport.ts';

/** True when `value` has the shape of the preload's window.api. */
export function isDeskBridge(value: unknown): value is DeskBridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { methods?: unknown; onEvent?: unknown };
  return (
    typeof candidate.methods === 'object' &&
    candidate.methods !== null &&
    typeof candidate.onEvent === 'function'
  );
}

/**
 * Inside Electron the preload has put a DeskBridge on window.api; anywhere else (the headless
 * host in a browser) the page talks HTTP to the origin it was served from.
 */
export function selectTransport(host: { api?: unknown }): Transport {
  return isDeskBridge(host.api) ? createIpcTransport(host.api) : createHttpTransport();
}
