/**
 * When the next autosave runs. A save waits for a short pause in typing (IDLE_MS), but never
 * longer than MAX_WAIT_MS after the first unsaved change: a crash of the window loses at most
 * that much typing (what reached the store is on disk, synchronous=FULL).
 */
export const IDLE_MS = 700;
export const MAX_WAIT_MS = 2000;
/** Waits before retrying a save that failed for a reason other than a conflict. */
export const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000] as const;

/** The delay from `now` until the save is due, given when the first unsaved change was made. */
export function autosaveDelay(now: number, firstUnsavedAt: number): number {
  return Math.max(0, Math.min(IDLE_MS, firstUnsavedAt + MAX_WAIT_MS - now));
}

export function retryDelay(failures: number): number {
  return RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];
}
