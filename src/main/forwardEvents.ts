import type { EventBus } from '../core/events/eventBus.ts';
import { IPC_EVENT_CHANNEL } from '../shared/api/bridge.ts';
import { isAppUrl } from './appOrigin.ts';
import type { AppWindow } from './appWindow.ts';

/**
 * Pushes every contract event to every open window on IPC_EVENT_CHANNEL, as the bare
 * `{ name, payload }`. Skips destroyed windows and any window not showing our app origin
 * (events name drafts; a foreign page must not hear of them). One failing window does not
 * keep the others from the event. Returns the unsubscribe function.
 */
export function forwardEvents(
  bus: Pick<EventBus, 'subscribe'>,
  windows: () => Iterable<AppWindow>,
): () => void {
  return bus.subscribe((event) => {
    for (const win of windows()) {
      try {
        if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
        if (!isAppUrl(win.webContents.getURL())) continue;
        win.webContents.send(IPC_EVENT_CHANNEL, event);
      } catch {
        // A window torn down between the check and the send: nothing to deliver to.
      }
    }
  });
}
