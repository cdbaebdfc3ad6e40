import { describe, expect, it } from 'vitest';
import {
  weiboErrorKind,
  weiboErrorProblem,
  type WeiboErrorKind,
} from '../../../../../src/core/channels/weibo/weiboErrors.ts';

describe('weiboErrorKind: the codes of shared/channels/weibo.md', () => {
  const table: Array<[number, WeiboErrorKind]> = [
    [10022, 'rate-limit'],
    [10023, 'rate-limit'],
    [10024, 'rate-limit'],
    [20016, 'too-often'],
    [20012, 'too-long'],
    [20017, 'duplicate'],
    [20019, 'duplicate'],
    [20111, 'duplicate'],
    [21327, 'reauthorize'],
    [21332, 'reauthorize'],
    [21324, 'reauthorize'],
    [21325, 'reauthorize'],
    [21314, 'reauthorize'],
    [21315, 'reauthorize'],
    [21319, 'reauthorize'],
    [21301, 'reauthorize'],
    [10017, 'safe-domain'],
    [10014, 'not-permitted'],
    [10005, 'not-permitted'],
    [21335, 'not-permitted'],
    [10020, 'api-missing'],
    [20101, 'not-found'],
    [20005, 'bad-image'],
    [20006, 'bad-image'],
    [10002, 'busy'],
    [10009, 'busy'],
    [10001, 'internal'],
    [10003, 'internal'],
    [20003, 'other'],
    [21320, 'other'],
  ];
  it.each(table)('%i -> %s', (code, kind) => {
    expect(weiboErrorKind(code)).toBe(kind);
  });
});

describe('weiboErrorProblem', () => {
  it('keeps what Weibo said and names the code', () => {
    const p = weiboErrorProblem({
      request: '/2/statuses/share.json',
      error_code: 20019,
      error: 'Repeat content!',
    });
    expect(p).toMatchObject({
      channel: 'weibo',
      code: 'weibo.20019',
      channelSaid: '20019 Repeat content!',
    });
    expect(p.message.en).toMatch(/most likely/);
    expect(p.message.zh).toMatch(/很可能/);
  });

  it('tells a person what to do for every kind, in both languages', () => {
    for (const code of [
      10023, 20016, 10002, 10001, 20012, 20019, 21327, 10017, 10014, 20101, 20005, 99999,
    ]) {
      const p = weiboErrorProblem({ error_code: code, error: 'x' });
      expect(p.message.zh.length).toBeGreaterThan(10);
      expect(p.message.en).toMatch(/\.$/);
    }
    expect(weiboErrorProblem({ error_code: 10017, error: 'x' }).message.en).toMatch(/safe domain/);
    expect(weiboErrorProblem({ error_code: 21327, error: 'expired_token' }).message.en).toMatch(
      /Re-authorise/,
    );
  });
});
