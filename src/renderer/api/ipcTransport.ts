import type { DeskBridge } from '../../shared/api/bridge.ts';
import type { ApiMethod } from '../../shared/api/contract.ts';
import { TransportError, type Transport } from './transport.ts';

/**
 * Electron: the preload's window.api. The main process answers with the envelope; a rejected
 * promise means the IPC itself failed (no handler, window closing), not a contract error.
 */
export function createIpcTransport(bridge: DeskBridge): Transport {
  return {
    kind: 'ipc',
    async send(method: ApiMethod, input: unknown): Promise<unknown> {
      const invoke = bridge.methods[method];
      if (typeof invoke !== 'function') {
        throw new TransportError('unreachable', `The desktop bridge does not offer ${method}.`);
      }
      try {
        return await invoke(input ?? {});
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new TransportError('unreachable', `The desktop bridge failed: ${reason}`, error);
      }
    },
    listen(onMessage) {
      // The bridge is typed, but what crosses IPC is unchecked: the client validates it.
      return bridge.onEvent((event) => onMessage(event as unknown));
    },
  };
}
