import { StoreOpenError } from '../core/store/storeError.ts';

export const STARTUP_ERROR_TITLE = '融媒体发布台无法启动 / PressDesk cannot start';

/** What reporting a fatal startup error needs of Electron. */
export interface StartupErrorHost {
  dialog: { showErrorBox(title: string, content: string): void };
  app: { exit(exitCode?: number): void };
}

/**
 * The sentence shown for an error that stops PressDesk from starting. A StoreOpenError
 * already says what to do (and that the file was left as it was); a better-sqlite3 build for
 * the wrong runtime gets the command that fixes it.
 */
export function startupErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = error instanceof StoreOpenError ? message : `PressDesk could not start: ${message}`;
  if (/NODE_MODULE_VERSION|did not self-register|invalid ELF header/i.test(message)) {
    return (
      `${text}\n\n数据库驱动不是为 Electron 编译的。The database driver (better-sqlite3) was not ` +
      'built for Electron: run `npm run desktop:setup`, then start PressDesk again.'
    );
  }
  return text;
}

/**
 * Shows the error in a dialog and ends the process with exit code 1. Contract: PressDesk never
 * falls back to another (fresh) database; it stops and says why. app.exit skips the quit
 * events, so nothing that was half set up runs its shutdown.
 */
export function reportStartupError(host: StartupErrorHost, error: unknown): void {
  const text = startupErrorText(error);
  process.stderr.write(`${STARTUP_ERROR_TITLE}: ${text}\n`);
  host.dialog.showErrorBox(STARTUP_ERROR_TITLE, text);
  host.app.exit(1);
}
