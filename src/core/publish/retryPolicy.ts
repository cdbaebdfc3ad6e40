/**
 * How long the outbox waits before doing something again, and when it stops trying by itself.
 * Every automatic run (retries, status checks, reconciliations) is bounded here, so nothing
 * polls a channel forever: past its bound a publication waits for a person.
 */

/** First retry waits up to this long (full jitter), doubling per attempt. */
export const RETRY_BASE_MS = 30_000;
/** No retry waits longer than this. */
export const RETRY_CAP_MS = 30 * 60_000;
/**
 * A run of retries (or of status checks of a publication the channel is still publishing)
 * that has lasted this long since it began ends: retries become 'failed', status checks
 * 'unknown', each with a problem that says so and what the last error was.
 */
export const MAX_RETRY_AGE_MS = 24 * 60 * 60_000;
/** Reconciliations that could not tell before a person is asked ('unknown'). */
export const MAX_RECONCILES = 5;
/** First reconciliation after an ambiguous attempt waits up to this long, doubling. */
export const RECONCILE_BASE_MS = 10_000;
export const RECONCILE_CAP_MS = 5 * 60_000;

/**
 * Capped exponential backoff with full jitter: a uniformly random wait in
 * [0, min(cap, base * 2^(attempt-1))). `attempt` counts from 1 (the first retry).
 * Full jitter spreads the retries of many publications that failed together (a channel's
 * outage) instead of sending them back all at once.
 */
export function retryDelay(
  attempt: number,
  options: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  const base = options.baseMs ?? RETRY_BASE_MS;
  const cap = options.capMs ?? RETRY_CAP_MS;
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(Math.floor(attempt), 1) - 1, 30);
  const ceiling = Math.min(cap, base * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/**
 * The wait before retry number `attempt`: the backoff, but never less than what the channel
 * asked for (Retry-After, `afterMs`).
 */
export function retryWait(attempt: number, afterMs: number, random?: () => number): number {
  return Math.max(
    Math.max(afterMs, 0),
    retryDelay(attempt, random === undefined ? {} : { random }),
  );
}

/** The wait before reconciliation number `attempt` (from 1). */
export function reconcileWait(attempt: number, random?: () => number): number {
  return retryDelay(attempt, {
    baseMs: RECONCILE_BASE_MS,
    capMs: RECONCILE_CAP_MS,
    ...(random === undefined ? {} : { random }),
  });
}

/**
 * How long a request can still be in a channel's hands after PressDesk lost track of it: the
 * longest request an adapter makes (media uploads: 120 s) plus a margin. A channel may still
 * commit a request for that long after a crash or a lost reply, so asking it earlier whether
 * the request landed can answer "absent" for what lands a moment later — and a second copy.
 */
export const REQUEST_SETTLE_MS = 130_000;
