import { describe, expect, it } from 'vitest';
import type { RemoteRef } from '../../../../../src/core/channels/adapter.ts';
import { statusOutcome } from '../../../../../src/core/channels/wechat/wechatStatus.ts';

const PENDING: RemoteRef = {
  remoteId: '2247483001',
  url: null,
  extra: { mediaId: 'M1', publishId: '2247483001' },
};

describe('statusOutcome', () => {
  it('0: published, with the first article’s URL, article_id as remote id and in extra', () => {
    const outcome = statusOutcome(
      {
        publish_id: '2247483001',
        publish_status: 0,
        article_id: 'A1',
        article_detail: {
          count: 2,
          item: [
            { idx: 2, article_url: 'https://mp.weixin.qq.com/s/second' },
            { idx: 1, article_url: 'https://mp.weixin.qq.com/s/first' },
          ],
        },
        fail_idx: [],
      },
      PENDING,
    );
    expect(outcome).toEqual({
      kind: 'published',
      remote: {
        remoteId: 'A1',
        url: 'https://mp.weixin.qq.com/s/first',
        extra: { mediaId: 'M1', publishId: '2247483001', articleId: 'A1' },
      },
    });
  });

  it('1: pending, asked again within 5-30 s, with the same remote', () => {
    const outcome = statusOutcome({ publish_status: 1 }, PENDING);
    expect(outcome.kind).toBe('pending');
    if (outcome.kind === 'pending') {
      expect(outcome.remote).toBe(PENDING);
      expect(outcome.checkAfterMs).toBeGreaterThanOrEqual(5_000);
      expect(outcome.checkAfterMs).toBeLessThanOrEqual(30_000);
    }
  });

  it('2-6: failed, one message per state, never reauthorize', () => {
    const codes = [2, 3, 4, 5, 6].map((status) => {
      const outcome = statusOutcome({ publish_status: status, fail_idx: [1] }, PENDING);
      expect(outcome.kind).toBe('failed');
      if (outcome.kind !== 'failed') return '';
      expect(outcome.reauthorize).toBe(false);
      expect(outcome.problem.channelSaid).toContain(`publish_status ${status}`);
      expect(outcome.problem.message.zh).toMatch(/。$/);
      expect(outcome.problem.message.en).toMatch(/\.$/);
      return outcome.problem.code;
    });
    expect(codes).toEqual([
      'wechat.publish-originality',
      'wechat.publish-failed',
      'wechat.publish-rejected',
      'wechat.publish-deleted',
      'wechat.publish-banned',
    ]);
  });
});
