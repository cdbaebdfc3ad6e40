import { problem, type ChannelProblem } from '../channelProblem.ts';
import type { AtomicWriteOps } from './atomicWriteFile.ts';
import { writeProblem } from './feedMedia.ts';
import { withFeedLock } from './feedLock.ts';
import {
  feedPathOf,
  readFeed,
  withMeta,
  writeFeed,
  type FeedMeta,
  type JsonFeedDocument,
} from './jsonFeedDocument.ts';

/**
 * One change to the feed, given the current document (with the account's title and
 * addresses): the document to write (null: nothing to write, e.g. a repeat that finds its
 * change already there) and what the caller wants back, or a problem that stops the change.
 */
export type FeedChange<T> = (
  feed: JsonFeedDocument,
) => Promise<{ feed: JsonFeedDocument | null; value: T } | { problem: ChannelProblem }>;

export type FeedChangeResult<T> =
  { ok: true; value: T; written: boolean } | { ok: false; problem: ChannelProblem };

/**
 * Reads, changes and atomically rewrites `<feedDir>/feed.json`, holding the folder's lock
 * throughout so concurrent publications do not drop each other's items. A feed file that
 * exists but cannot be read as JSON Feed 1.1 is left untouched (overwriting it would lose
 * its items) and reported. Never throws for what the file system does.
 */
export async function changeFeed<T>(
  feedDir: string,
  meta: FeedMeta,
  change: FeedChange<T>,
  ops?: AtomicWriteOps,
): Promise<FeedChangeResult<T>> {
  return withFeedLock(feedDir, async () => {
    const read = await readFeed(feedDir);
    if (read.kind === 'unreadable') {
      return { ok: false, problem: unreadableFeedProblem(feedDir, read.detail) };
    }
    const current = withMeta(read.kind === 'ok' ? read.feed : undefined, meta);
    const changed = await change(current);
    if ('problem' in changed) return { ok: false, problem: changed.problem };
    if (changed.feed === null) return { ok: true, value: changed.value, written: false };
    try {
      await writeFeed(feedDir, changed.feed, ops);
    } catch (error) {
      return { ok: false, problem: writeProblem(feedDir, error) };
    }
    return { ok: true, value: changed.value, written: true };
  });
}

export function unreadableFeedProblem(feedDir: string, detail: string): ChannelProblem {
  return problem(
    'appfeed',
    'appfeed.feed-unreadable',
    `客户端信息流文件（${feedPathOf(feedDir)}）无法读取，或不是有效的 JSON Feed 1.1 文件。为免覆盖其中已有的信息，这次没有写入。请检查或修复该文件（或把它移走，让系统重新生成），然后重试。`,
    `The app feed file (${feedPathOf(feedDir)}) cannot be read or is not a valid JSON Feed 1.1 document. To avoid overwriting what it holds, nothing was written. Check or repair the file (or move it away to have a new one made), then try again.`,
    detail,
  );
}
