/** The window events the registry listens to. */
export interface TrackableWindow {
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): unknown;
}

/**
 * The windows PressDesk itself opened: the only ones that may call the contract and the only
 * ones that receive its events. A window leaves the registry when it is closed.
 */
export class WindowRegistry<W extends TrackableWindow> {
  private readonly windows = new Set<W>();

  add(win: W): W {
    this.windows.add(win);
    win.once('closed', () => this.windows.delete(win));
    return win;
  }

  /** Open windows, oldest first. */
  list(): W[] {
    return [...this.windows].filter((win) => !win.isDestroyed());
  }
}
