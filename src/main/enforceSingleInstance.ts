/** What the single-instance rule needs of Electron's app. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * One PressDesk per user: two processes on one database would both run the outbox dispatcher.
 * Answers true when this process holds the lock, and then calls `onSecondInstance` whenever
 * another launch is attempted (it should bring our window forward). Answers false after
 * asking the app to quit: the caller must then start nothing, not even open the store.
 */
export function enforceSingleInstance(
  app: SingleInstanceApp,
  onSecondInstance: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}
