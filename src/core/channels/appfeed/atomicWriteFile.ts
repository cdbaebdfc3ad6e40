import { randomUUID } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The one step of an atomic write that tests replace to simulate a crash before it. */
export interface AtomicWriteOps {
  rename(from: string, to: string): Promise<void>;
}

const nodeOps: AtomicWriteOps = { rename };

/** Temporary files of `target` start with this; readers never look at them. */
export function tempPrefixOf(target: string): string {
  return `.${basename(target)}.`;
}

/**
 * Replaces `target` with `data` so that a reader (or a restart after a crash or power loss)
 * sees either the whole old file or the whole new one, never a mix: the bytes go to a
 * temporary file in the same folder, which is flushed to disk, then renamed over the target,
 * and the folder itself is flushed so the rename survives a power loss. Throws the file
 * system's error (the target is then untouched); the temporary file is removed on failure.
 */
export async function atomicWriteFile(
  target: string,
  data: string | Buffer,
  ops: AtomicWriteOps = nodeOps,
): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `${tempPrefixOf(target)}${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await ops.rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

/** Flushes a folder's entries (the rename); not every platform allows it, hence best effort. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for flushing; its rename is durable on its own terms.
  }
}

/**
 * Removes temporary files of `target` left by a crash between writing and renaming. Call it
 * only while holding the lock that serialises writers of `target`.
 */
export async function removeStaleTemps(target: string): Promise<void> {
  const prefix = tempPrefixOf(target);
  const dir = dirname(target);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dir, name), { force: true }).catch(() => undefined)),
  );
}
