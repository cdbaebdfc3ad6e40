import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './appOrigin.ts';
import { mainWindowOptions, type MainWindowOptionsInput } from './mainWindowOptions.ts';

/** The window calls openMainWindow makes (Electron's BrowserWindow). */
export interface OpenableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates a window with the hardened options, shows it once it has painted, and loads the
 * app's entry page from our origin. A failed load is reported, not thrown, and the window is
 * shown anyway: an empty window says something went wrong, a missing one says nothing.
 */
export function openMainWindow<W extends OpenableWindow>(
  Window: WindowConstructor<W>,
  input: MainWindowOptionsInput,
  onLoadFailed: (error: unknown) => void,
): W {
  const win = new Window(mainWindowOptions(input));
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    win.show();
    onLoadFailed(error);
  });
  return win;
}
