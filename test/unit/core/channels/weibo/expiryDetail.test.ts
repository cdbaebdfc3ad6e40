import { describe, expect, it } from 'vitest';
import { expiryDetail } from '../../../../../src/core/channels/weibo/weiboAdapter.ts';

describe('expiryDetail: the token expiry line of the connection test', () => {
  // 2025-03-01 10:00 in Shanghai.
  const now = new Date('2025-03-01T02:00:00Z');

  it('says nothing without a recorded date', () => {
    expect(expiryDetail(null, now)).toBeNull();
  });

  it('states the date when it is more than three days away', () => {
    const line = expiryDetail('2025-03-10', now);
    expect(line).toMatch(/valid until 2025-03-10/);
    expect(line).not.toMatch(/Warning/);
  });

  it('warns within three days, counting from the start of that day in China', () => {
    // 2025-03-04 00:00 +08:00 is 2 days 14 hours away.
    expect(expiryDetail('2025-03-04', now)).toMatch(
      /^警告.*Warning: .*expires on 2025-03-04 \(within 3 days\)/,
    );
    // 2025-03-05 00:00 +08:00 is 3 days 14 hours away: no warning yet.
    expect(expiryDetail('2025-03-05', now)).not.toMatch(/Warning/);
  });

  it('warns that a past date needs re-authorisation now', () => {
    expect(expiryDetail('2025-03-01', now)).toMatch(/has passed.*re-authorise the account now/);
  });
});
