import { describe, expect, it } from 'vitest';
import type { PostOf } from '../../../../../src/core/channels/channelPost.ts';
import {
  KEY_WINDOW_MS,
  idempotencyKey,
  withinKeyWindow,
} from '../../../../../src/core/channels/mastodon/mastodonPublish.ts';

const post = (key: string): PostOf<'mastodon'> => ({
  channel: 'mastodon',
  key,
  releaseId: 'r',
  text: 't',
  media: [],
  language: 'zh',
});

describe('the Idempotency-Key of a publication', () => {
  it('is derived from the publication key alone', () => {
    expect(idempotencyKey(post('rel-7-mastodon'))).toBe('pressdesk-rel-7-mastodon');
    expect(idempotencyKey(post('rel-7-mastodon'))).toBe(
      idempotencyKey({ ...post('rel-7-mastodon'), text: 'other' }),
    );
    expect(idempotencyKey(post('rel-8-mastodon'))).not.toBe(idempotencyKey(post('rel-7-mastodon')));
  });

  it('is trusted for 50 minutes of Mastodon’s hour', () => {
    expect(KEY_WINDOW_MS).toBe(50 * 60_000);
    const since = '2025-03-01T02:00:00.000Z';
    expect(withinKeyWindow(since, new Date('2025-03-01T02:49:59Z'))).toBe(true);
    expect(withinKeyWindow(since, new Date('2025-03-01T02:50:00Z'))).toBe(false);
    expect(withinKeyWindow('not a time', new Date('2025-03-01T02:00:00Z'))).toBe(false);
  });
});
