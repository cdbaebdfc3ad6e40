/** A frame as the main process sees it (Electron's WebFrameMain). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/** What the IPC layer needs of one of our windows (Electron's BrowserWindow). */
export interface AppWindow {
  isDestroyed(): boolean;
  readonly webContents: {
    readonly mainFrame: FrameLike;
    isDestroyed(): boolean;
    getURL(): string;
    send(channel: string, ...args: unknown[]): void;
  };
}
