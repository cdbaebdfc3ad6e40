import { describe, expect, it } from 'vitest';
import { expiryDetail } from '../../../../../src/core/channels/weibo/weiboAdapter.ts';

describe('expiryDetail: the token expiry line of the connection test', () => {
  // 2025-03-01 10:00 in Shanghai.
  const now = new Date('2025-03-01T02:00:00Z');

  it('says nothing without a recorded date', () => {
    expect(expiryDetail(null, now)).toBeNull();
  });

  it('states the date when it is more than three days away', () => {
    expect(expiryDetail('2025-03-10', now)).toEqual({
      zh: '访问令牌有效期至 2025-03-10。',
      en: 'The access token is valid until 2025-03-10.',
    });
  });

  it('warns within three days, counting from the start of that day in China', () => {
    // 2025-03-04 00:00 +08:00 is 2 days 14 hours away.
    const line = expiryDetail('2025-03-04', now);
    expect(line?.zh).toMatch(/^警告：访问令牌将于 2025-03-04 到期（3 天内）/);
    expect(line?.en).toMatch(/^Warning: the access token expires on 2025-03-04 \(within 3 days\)/);
    // Each language alone: no mixed "中文 / English" line.
    expect(line?.zh).not.toMatch(/Warning/);
    expect(line?.en).not.toMatch(/警告/);
    // 2025-03-05 00:00 +08:00 is 3 days 14 hours away: no warning yet.
    const later = expiryDetail('2025-03-05', now);
    expect(later?.en).not.toMatch(/Warning/);
    expect(later?.zh).not.toMatch(/警告/);
  });

  it('warns that a past date needs re-authorisation now', () => {
    const line = expiryDetail('2025-03-01', now);
    expect(line?.en).toMatch(/has passed.*re-authorise the account now/);
    expect(line?.zh).toMatch(/已过.*请立即重新授权/);
  });
});
