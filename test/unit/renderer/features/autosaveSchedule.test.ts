// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  autosaveDelay,
  IDLE_MS,
  MAX_WAIT_MS,
  retryDelay,
  RETRY_DELAYS_MS,
} from '../../../../src/renderer/features/drafts/editing/autosaveSchedule.ts';

describe('autosave schedule', () => {
  it('waits for a pause in typing, but never longer than MAX_WAIT_MS after the first unsaved change', () => {
    expect(autosaveDelay(1000, 1000)).toBe(IDLE_MS);
    expect(autosaveDelay(1000 + MAX_WAIT_MS - 300, 1000)).toBe(300);
    expect(autosaveDelay(1000 + MAX_WAIT_MS + 50, 1000)).toBe(0);
    // Typing without a pause for 10 s: every change reschedules, and the save is still due in time.
    let first = 0;
    for (let now = 0; now <= 10_000; now += 100) {
      const due = now + autosaveDelay(now, first);
      expect(due - first).toBeLessThanOrEqual(MAX_WAIT_MS);
      if (due <= now + 100) first = now + 100; // the save ran; the next change starts a new wait
    }
  });

  it('backs off between retries and stays at the longest delay', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([
      ...RETRY_DELAYS_MS,
      RETRY_DELAYS_MS[3],
      RETRY_DELAYS_MS[3],
    ]);
  });
});
