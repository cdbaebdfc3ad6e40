import type { DeskApp } from '../core/app.ts';
import { ipcChannelOf } from '../shared/api/bridge.ts';
import { API_METHODS } from '../shared/api/contract.ts';
import { fail, type Envelope } from '../shared/api/envelope.ts';
import type { AppWindow } from './appWindow.ts';
import { forwardEvents } from './forwardEvents.ts';
import { isTrustedSender, type IpcSenderEvent } from './isTrustedSender.ts';

/** What registerIpc needs of Electron's ipcMain. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<Envelope<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}

export interface RegisterIpcOptions {
  ipcMain: IpcMainLike;
  desk: Pick<DeskApp, 'call' | 'events'>;
  /** Our open windows: the only trusted senders and the receivers of events. */
  windows: () => Iterable<AppWindow>;
  /** Told of each refused call, for the log. */
  onForbidden?: (method: string) => void;
}

/**
 * Registers one ipcMain handler per contract method on `api:<method>`, and nothing else.
 *
 * Contract: a call from anything but the main frame of one of our windows on our app origin
 * answers `forbidden_sender` without reaching core. Otherwise the first argument goes to
 * `desk.call`, which validates it against the contract and answers the envelope (it never
 * throws); further arguments are ignored. Also forwards core's events to the windows.
 * Returns a disposer that removes every handler and stops the forwarding.
 */
export function registerIpc(options: RegisterIpcOptions): () => void {
  const { ipcMain, desk, windows } = options;
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannelOf(method), async (event, input) => {
      if (!isTrustedSender(event, windows())) {
        options.onForbidden?.(method);
        return fail({
          code: 'forbidden_sender',
          message: `${method} was called from a frame that is not PressDesk's own window; the call was refused.`,
        });
      }
      return desk.call(method, input);
    });
  }
  const stopForwarding = forwardEvents(desk.events, windows);

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    stopForwarding();
    for (const method of API_METHODS) ipcMain.removeHandler(ipcChannelOf(method));
  };
}
