import { describe, expect, it } from 'vitest';
import type { PublishedPost } from '../../../../../src/core/channels/wechat/wechatApi.ts';
import {
  attemptMatches,
  CLOCK_SKEW_MS,
  type Attempt,
} from '../../../../../src/core/channels/wechat/wechatReconcile.ts';

const SENT = new Date('2025-06-02T02:00:00Z');
const ATTEMPT: Attempt = {
  title: '通知',
  thumbMediaId: 'T1',
  coverUrl: 'http://mmbiz.qpic.cn/c1',
  sentAt: SENT,
};

function item(
  news: PublishedPost['content']['news_item'][number],
  updatedAt: Date = SENT,
): PublishedPost {
  return {
    article_id: 'A',
    content: { news_item: [news] },
    update_time: Math.floor(updatedAt.getTime() / 1000),
  };
}

describe('attemptMatches', () => {
  it('matches the same title and cover material, updated after the submit', () => {
    expect(attemptMatches(ATTEMPT, item({ title: '通知', thumb_media_id: 'T1' }))).toBe(true);
  });

  it('ignores spaces around the title', () => {
    expect(attemptMatches(ATTEMPT, item({ title: ' 通知 ', thumb_media_id: 'T1' }))).toBe(true);
  });

  it('does not match another title or another cover', () => {
    expect(attemptMatches(ATTEMPT, item({ title: '通知（更正）', thumb_media_id: 'T1' }))).toBe(
      false,
    );
    expect(attemptMatches(ATTEMPT, item({ title: '通知', thumb_media_id: 'T2' }))).toBe(false);
  });

  it('compares thumb_url when the list shows no thumb_media_id, and skips the cover when it shows neither', () => {
    expect(
      attemptMatches(ATTEMPT, item({ title: '通知', thumb_url: 'http://mmbiz.qpic.cn/c1' })),
    ).toBe(true);
    expect(
      attemptMatches(ATTEMPT, item({ title: '通知', thumb_url: 'http://mmbiz.qpic.cn/c2' })),
    ).toBe(false);
    expect(attemptMatches(ATTEMPT, item({ title: '通知' }))).toBe(true);
  });

  it('does not match a post older than the submit (less the clock skew allowed)', () => {
    const justInside = new Date(SENT.getTime() - CLOCK_SKEW_MS + 1000);
    const before = new Date(SENT.getTime() - CLOCK_SKEW_MS - 1000);
    expect(attemptMatches(ATTEMPT, item({ title: '通知', thumb_media_id: 'T1' }, justInside))).toBe(
      true,
    );
    expect(attemptMatches(ATTEMPT, item({ title: '通知', thumb_media_id: 'T1' }, before))).toBe(
      false,
    );
  });

  it('does not match an empty post', () => {
    expect(
      attemptMatches(ATTEMPT, { article_id: 'A', content: { news_item: [] }, update_time: 0 }),
    ).toBe(false);
  });
});
