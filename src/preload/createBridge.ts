import { IPC_EVENT_CHANNEL, ipcChannelOf, type DeskBridge } from '../shared/api/bridge.ts';
import { API_METHODS, type ApiEvent } from '../shared/api/contract.ts';
import type { Envelope } from '../shared/api/envelope.ts';

/** The calls the bridge makes on Electron's ipcRenderer (and nothing else of it). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds window.api from the contract's method names.
 *
 * Contract: `methods` has exactly one function per contract method, each sending only its
 * single input on `api:<method>` and resolving to the main process's envelope; `onEvent`
 * hands the listener only the event payload (never Electron's IPC event, whose `sender` is
 * ipcRenderer itself) and returns a function that unsubscribes exactly that listener.
 * Nothing else is exposed. Inputs and answers are not checked here: main validates inputs,
 * the renderer's client validates answers.
 */
export function createBridge(ipc: IpcRendererLike): DeskBridge {
  const methods = Object.fromEntries(
    API_METHODS.map((method) => {
      const channel = ipcChannelOf(method);
      const call = (input: unknown) => ipc.invoke(channel, input) as Promise<Envelope<unknown>>;
      return [method, call];
    }),
  ) as DeskBridge['methods'];

  const onEvent = (listener: (event: ApiEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a listener function.');
    const relay = (_event: unknown, payload: unknown) => listener(payload as ApiEvent);
    ipc.on(IPC_EVENT_CHANNEL, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  };

  return Object.freeze({ methods: Object.freeze(methods), onEvent });
}
