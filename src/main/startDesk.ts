import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { createApp, type DeskApp } from '../core/app.ts';
import { resolveDataDir } from '../core/config/dataDir.ts';
import { sandboxRequested } from '../core/config/sandboxOption.ts';
import {
  startSandboxChannels,
  type SandboxChannels,
} from '../core/channels/sandbox/sandboxChannels.ts';
import { safeStorageSecretBox } from './safeStorageSecretBox.ts';
import { NetworkStatus } from '../core/network/networkStatus.ts';
import { watchOnlineState } from './watchOnlineState.ts';
import { notifyPublications } from './notifyPublications.ts';
import type { Logger } from '../core/log/logger.ts';
import { APP_SCHEME } from './appOrigin.ts';
import { createAppProtocolHandler } from './createAppProtocolHandler.ts';
import { denyAllPermissions } from './denyAllPermissions.ts';
import { desktopPaths } from './desktopPaths.ts';
import { enforceSingleInstance } from './enforceSingleInstance.ts';
import { findElectronNativeBinding } from './findElectronNativeBinding.ts';
import { hardenWebContents } from './hardenWebContents.ts';
import { openMainWindow } from './openMainWindow.ts';
import { registerAppScheme } from './registerAppScheme.ts';
import { registerIpc } from './registerIpc.ts';
import { reportStartupError } from './reportStartupError.ts';
import { revealWindow } from './revealWindow.ts';
import { WindowRegistry } from './windowRegistry.ts';

export interface StartDeskOptions {
  /** Folder of the built main script (out/main); the renderer and preload sit beside it. */
  mainDir: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the desktop app, in this order: single-instance lock (or quit, touching nothing);
 * app scheme and web-contents hardening, both before `ready`; then permissions, the app
 * protocol, the store, IPC and the first window.
 *
 * Contract: it never rejects. Any startup failure, a StoreOpenError above all, shows an error
 * box and exits with code 1; PressDesk never starts on a fresh database instead. Resolves once
 * the first window is opening, or startup was abandoned.
 */
export async function startDesk(options: StartDeskOptions): Promise<void> {
  const started: { desk?: DeskApp } = {};
  try {
    await run(options, started);
  } catch (error) {
    started.desk?.close();
    reportStartupError({ dialog, app }, error);
  }
}

/** Records the app in `started` as soon as it exists, so a later failure can close it. */
async function run(options: StartDeskOptions, started: { desk?: DeskApp }): Promise<void> {
  const paths = desktopPaths(options.mainDir);
  const windows = new WindowRegistry<BrowserWindow>();
  /** The app's log once the store is open; nothing worth logging happens before. */
  const log = (): Logger | undefined => started.desk?.log;

  const bringForward = () => {
    const [first] = windows.list();
    if (first) revealWindow(first);
  };
  if (!enforceSingleInstance(app, bringForward)) return;

  registerAppScheme(protocol);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, {
      openExternal: (url) => shell.openExternal(url),
      onBlocked: (action, target) => log()?.warn('window.blocked', { action, target }),
    }),
  );

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(paths.rendererDir, (hash) => started.desk?.media.fileOf(hash)),
  );

  const dataDir = resolveDataDir(options.argv, options.env, app.getPath('userData'));
  const sandbox: SandboxChannels | undefined = sandboxRequested(options.argv, options.env)
    ? await startSandboxChannels({ dataDir })
    : undefined;
  const network = new NetworkStatus(net.isOnline());
  const stopWatching = watchOnlineState(net, network);
  const desk = createApp({
    network,
    dataDir,
    runtime: 'electron',
    secretBox: safeStorageSecretBox(safeStorage, dataDir),
    sandbox,
    nativeBinding: findElectronNativeBinding({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      resourcesPath: process.resourcesPath,
    }),
  });
  started.desk = desk;

  const disposeIpc = registerIpc({
    ipcMain,
    desk,
    windows: () => windows.list(),
    onForbidden: (method) => log()?.warn('ipc.forbidden_sender', { method }),
  });
  const stopNotifying = notifyPublications(
    desk,
    (options) => new Notification(options),
    bringForward,
    () => (app.getLocale().startsWith('zh') ? 'zh-CN' : 'en'),
  );
  app.on('will-quit', () => {
    stopNotifying();
    disposeIpc();
    desk.close();
    stopWatching();
    void sandbox?.close();
  });

  const open = () =>
    windows.add(
      openMainWindow(
        BrowserWindow,
        { preloadPath: paths.preloadPath, devTools: !app.isPackaged },
        (error) => log()?.error('window.load_failed', { message: String(error) }),
      ),
    );
  // macOS keeps an app without windows running until Quit; elsewhere closing the last quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (windows.list().length === 0) open();
  });
  open();
}
