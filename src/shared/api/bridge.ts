import type { ApiEvent, ApiMethod } from './contract.ts';
import type { Envelope } from './envelope.ts';

/** The IPC channel of a method: one per contract entry, so nothing else is reachable. */
export const ipcChannelOf = (method: ApiMethod): string => `api:${method}`;
/** The one IPC channel on which the main process pushes contract events. */
export const IPC_EVENT_CHANNEL = 'api:event';

/**
 * What the preload exposes as `window.api`. Inputs and outputs are unchecked here on purpose:
 * the main process validates inputs, the renderer's client validates outputs.
 */
export interface DeskBridge {
  readonly methods: { readonly [M in ApiMethod]: (input: unknown) => Promise<Envelope<unknown>> };
  onEvent(listener: (event: ApiEvent) => void): () => void;
}
