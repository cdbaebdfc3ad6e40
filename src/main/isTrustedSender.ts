import { isAppUrl } from './appOrigin.ts';
import type { AppWindow, FrameLike } from './appWindow.ts';

/** The parts of Electron's IpcMainInvokeEvent that identify who sent it. */
export interface IpcSenderEvent {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

/**
 * True only when the call came from the main frame of one of `windows`, showing a page of our
 * app origin. Anything else (a subframe, a page that navigated elsewhere, a web contents that
 * is not one of our windows, a frame already gone) is not trusted.
 */
export function isTrustedSender(event: IpcSenderEvent, windows: Iterable<AppWindow>): boolean {
  try {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null || !isAppUrl(frame.url)) return false;
    for (const win of windows) {
      if (win.isDestroyed() || win.webContents !== event.sender) continue;
      return sameFrame(win.webContents.mainFrame, frame);
    }
    return false;
  } catch {
    // Electron throws when a frame that navigated or closed is read: not a caller to trust.
    return false;
  }
}

/** Electron may hand out distinct objects for one frame; a frame is its process and routing id. */
function sameFrame(a: FrameLike, b: FrameLike): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}
