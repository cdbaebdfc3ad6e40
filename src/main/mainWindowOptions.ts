import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** DevTools only for unpackaged (developer) runs. */
  devTools: boolean;
}

/**
 * The options of every PressDesk window. The page gets no Node, runs sandboxed and
 * context-isolated, and reaches the app only through the preload's window.api. Each flag is
 * spelled out even where it is Electron's default, so a changed default cannot weaken it.
 */
export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'PressDesk 融媒体发布台',
    backgroundColor: '#ffffff',
    // Shown on ready-to-show: no white flash, and no window at all if startup fails.
    show: false,
    webPreferences: {
      preload: input.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A Latin-script dictionary would underline Chinese drafts throughout, and on Windows
      // and Linux Chromium would download its dictionaries from Google's servers.
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}
