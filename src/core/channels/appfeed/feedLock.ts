import { resolve } from 'node:path';

const tails = new Map<string, Promise<void>>();

/**
 * Runs `task` once every earlier task on the same folder has finished: a feed update reads,
 * merges and writes the whole file, so two publications dispatched at once to one account
 * must not interleave (the second write would drop the first item). Serialises within this
 * process; one PressDesk process owns a data folder and so its feed folder.
 */
export async function withFeedLock<T>(dir: string, task: () => Promise<T>): Promise<T> {
  const key = resolve(dir);
  const previous = tails.get(key) ?? Promise.resolve();
  let release = (): void => undefined;
  const current = new Promise<void>((done) => {
    release = done;
  });
  const tail = previous.then(() => current);
  tails.set(key, tail);
  await previous;
  try {
    return await task();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
