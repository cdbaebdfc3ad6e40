import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeFeed } from '../../../../../src/core/channels/appfeed/changeFeed.ts';
import {
  JSON_FEED_VERSION,
  JsonFeedDocumentSchema,
  MAX_FEED_ITEMS,
  RETRACTED_TEXT,
  TOMBSTONE_KEEP_MS,
  mergeItem,
  pruneFeed,
  readFeed,
  retractionOf,
  tombstoneOf,
  withMeta,
  writeFeed,
  type JsonFeedDocument,
} from '../../../../../src/core/channels/appfeed/jsonFeedDocument.ts';
import type { JsonFeedItem } from '../../../../../src/shared/content/jsonFeedItemSchema.ts';
import { useTempDirs } from '../../../../fixtures/tempDir.ts';

const META = {
  title: '通州区客户端',
  homePageUrl: 'https://www.example.gov.cn/',
  feedUrl: 'https://www.example.gov.cn/app/feed.json',
};
const NOW = new Date('2025-03-01T02:00:00Z');

function item(id: string, published: string, extra: Partial<JsonFeedItem> = {}): JsonFeedItem {
  return {
    id,
    title: `标题 ${id}`,
    content_html: `<p>${id}</p>`,
    date_published: published,
    date_modified: published,
    ...extra,
  };
}

const feedOf = (...items: JsonFeedItem[]): JsonFeedDocument => ({
  ...withMeta(undefined, META),
  items,
});
const minutes = (n: number) => new Date(NOW.getTime() - n * 60_000).toISOString();

describe('JsonFeedDocumentSchema', () => {
  it('accepts a JSON Feed 1.1 document with the version URL, title, items and extensions', () => {
    const feed = { ...feedOf(item('a', minutes(1))), _pressdesk: { v: 1 } };
    expect(JsonFeedDocumentSchema.safeParse(feed).success).toBe(true);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  });

  it('rejects another version, a missing title or items, duplicate ids and unknown fields', () => {
    const ok = feedOf(item('a', minutes(1)));
    const bad: unknown[] = [
      { ...ok, version: 'https://jsonfeed.org/version/1' },
      { ...ok, title: undefined },
      { ...ok, items: undefined },
      { ...ok, items: [item('a', minutes(1)), item('a', minutes(2))] },
      { ...ok, generator: 'x' },
      { ...ok, items: [{ id: 'b', title: 'no content' }] },
    ];
    for (const doc of bad) expect(JsonFeedDocumentSchema.safeParse(doc).success).toBe(false);
  });

  it('requires a tombstone to have a valid _retracted and no content_html', () => {
    const stone = tombstoneOf(item('a', minutes(10)), 'a', NOW, '信息有误');
    expect(JsonFeedDocumentSchema.safeParse(feedOf(stone)).success).toBe(true);
    expect(
      JsonFeedDocumentSchema.safeParse(feedOf({ ...stone, content_html: '<p>x</p>' })).success,
    ).toBe(false);
    expect(
      JsonFeedDocumentSchema.safeParse(feedOf({ ...stone, _retracted: { at: 'yesterday' } }))
        .success,
    ).toBe(false);
  });
});

describe('feed model', () => {
  it('merging replaces the item with the same id and keeps newest first', () => {
    let feed = feedOf();
    feed = mergeItem(feed, item('old', minutes(30)), NOW);
    feed = mergeItem(feed, item('new', minutes(5)), NOW);
    feed = mergeItem(feed, item('mid', minutes(10)), NOW);
    feed = mergeItem(feed, item('old', minutes(30), { title: '改过的标题' }), NOW);
    expect(feed.items.map((i) => i.id)).toEqual(['new', 'mid', 'old']);
    expect(feed.items[2]?.title).toBe('改过的标题');
    expect(JsonFeedDocumentSchema.safeParse(feed).success).toBe(true);
  });

  it('a tombstone keeps the id, says it was withdrawn and drops the content', () => {
    const original = item('a', minutes(60), {
      summary: '摘要',
      image: 'https://www.example.gov.cn/app/media/x.png',
      tags: ['t'],
      url: 'https://www.example.gov.cn/a.html',
      language: 'zh-CN',
    });
    const stone = tombstoneOf(original, 'a', NOW, '数据有误');
    expect(stone).toEqual({
      id: 'a',
      content_text: `${RETRACTED_TEXT}原因：数据有误`,
      date_published: original.date_published,
      date_modified: NOW.toISOString(),
      language: 'zh-CN',
      _retracted: { at: NOW.toISOString(), reason: '数据有误' },
    });
    expect(retractionOf(stone)).toEqual({ at: NOW.toISOString(), reason: '数据有误' });
    expect(retractionOf(original)).toBeUndefined();
  });

  it(`keeps the newest ${MAX_FEED_ITEMS} items and tombstones younger than 30 days`, () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 20 }, (_, i) =>
      item(`i${i}`, minutes(i + 1)),
    );
    const freshStone = tombstoneOf(
      item('fresh', minutes(100_000)),
      'fresh',
      new Date(NOW.getTime() - TOMBSTONE_KEEP_MS + 60_000),
    );
    const staleStone = tombstoneOf(
      item('stale', minutes(100_001)),
      'stale',
      new Date(NOW.getTime() - TOMBSTONE_KEEP_MS - 60_000),
    );
    const pruned = pruneFeed(feedOf(...items, freshStone, staleStone), NOW);
    const ids = pruned.items.map((i) => i.id);
    expect(ids).toHaveLength(MAX_FEED_ITEMS + 1);
    expect(ids.slice(0, 3)).toEqual(['i0', 'i1', 'i2']);
    expect(ids).toContain(`i${MAX_FEED_ITEMS - 1}`);
    expect(ids).not.toContain(`i${MAX_FEED_ITEMS}`);
    expect(ids.at(-1)).toBe('fresh');
    expect(ids).not.toContain('stale');
  });
});

describe('feed file', () => {
  const tempDir = useTempDirs();

  it('round-trips through an atomic write as UTF-8 JSON, leaving no temporary file', async () => {
    const dir = tempDir();
    const feed = feedOf(item('a', minutes(1), { title: '通知：春节放假安排' }));
    await writeFeed(dir, feed);
    expect(readdirSync(dir)).toEqual(['feed.json']);
    expect(JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8'))).toEqual(feed);
    expect(await readFeed(dir)).toEqual({ kind: 'ok', feed });
  });

  it('a failure between writing the temporary file and renaming it leaves the old feed intact', async () => {
    const dir = tempDir();
    const before = feedOf(item('a', minutes(10)));
    await writeFeed(dir, before);
    const bytesBefore = readFileSync(join(dir, 'feed.json'));
    const seen: string[] = [];
    const crash = {
      rename: async (from: string) => {
        seen.push(readFileSync(from, 'utf8'));
        throw Object.assign(new Error('power lost'), { code: 'EIO' });
      },
    };
    await expect(
      writeFeed(dir, mergeItem(before, item('b', minutes(1)), NOW), crash),
    ).rejects.toThrow('power lost');
    // The new content had been written in full to the temporary file before the "crash".
    expect(JSON.parse(seen[0] ?? '{}').items).toHaveLength(2);
    expect(readFileSync(join(dir, 'feed.json')).equals(bytesBefore)).toBe(true);
    expect(await readFeed(dir)).toEqual({ kind: 'ok', feed: before });
  });

  it('a temporary file left by a crash is ignored by readers and removed by the next write', async () => {
    const dir = tempDir();
    const before = feedOf(item('a', minutes(10)));
    await writeFeed(dir, before);
    writeFileSync(join(dir, '.feed.json.0b9c.tmp'), '{"version":"https://jsonfeed.org/ver');
    expect(await readFeed(dir)).toEqual({ kind: 'ok', feed: before });
    await writeFeed(dir, mergeItem(before, item('b', minutes(1)), NOW));
    expect(readdirSync(dir)).toEqual(['feed.json']);
  });

  it('reports a feed file it cannot read and never overwrites it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'feed.json'), '{"version": "https://jsonfeed.org/version/1.1", "ti');
    expect(await readFeed(dir)).toMatchObject({ kind: 'unreadable' });
    const result = await changeFeed(dir, META, async (feed) => ({
      feed: mergeItem(feed, item('a', minutes(1)), NOW),
      value: null,
    }));
    expect(result).toMatchObject({ ok: false, problem: { code: 'appfeed.feed-unreadable' } });
    expect(readFileSync(join(dir, 'feed.json'), 'utf8')).toBe(
      '{"version": "https://jsonfeed.org/version/1.1", "ti',
    );
    writeFileSync(
      join(dir, 'feed.json'),
      JSON.stringify({ version: JSON_FEED_VERSION, items: [] }),
    );
    expect(await readFeed(dir)).toMatchObject({ kind: 'unreadable', detail: /title/ });
  });

  it('concurrent changes to one folder are serialised: no item is lost', async () => {
    const dir = tempDir();
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        changeFeed(dir, META, async (feed) => ({
          feed: mergeItem(feed, item(`c${i}`, minutes(i + 1)), NOW),
          value: i,
        })),
      ),
    );
    expect(results.every((r) => r.ok && r.written)).toBe(true);
    const read = await readFeed(dir);
    expect(read.kind === 'ok' && read.feed.items.map((i) => i.id).sort()).toEqual(
      Array.from({ length: 25 }, (_, i) => `c${i}`).sort(),
    );
    expect(statSync(join(dir, 'feed.json')).isFile()).toBe(true);
  });
});
