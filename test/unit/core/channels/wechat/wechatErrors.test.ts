import { describe, expect, it } from 'vitest';
import {
  ipInErrmsg,
  wechatErrorAction,
  wechatErrorKind,
  wechatErrorProblem,
  type WechatErrorKind,
} from '../../../../../src/core/channels/wechat/wechatErrors.ts';
import { refusal } from '../../../../../src/core/channels/wechat/wechatRequest.ts';

describe('WeChat errcode mapping', () => {
  it('maps the documented codes to retry / failed / reauthorize', () => {
    const expected: Array<[number, WechatErrorKind, 'retry' | 'failed' | 'reauthorize']> = [
      [-1, 'busy', 'retry'],
      [45011, 'too-frequent', 'retry'],
      [53501, 'too-frequent', 'retry'],
      [40001, 'token', 'reauthorize'],
      [40014, 'token', 'reauthorize'],
      [42001, 'token', 'reauthorize'],
      [40125, 'credentials', 'reauthorize'],
      [40013, 'credentials', 'reauthorize'],
      [40164, 'ip-whitelist', 'failed'],
      [48001, 'unauthorized', 'failed'],
      [45009, 'quota', 'failed'],
      [53500, 'publish-banned', 'failed'],
      [53503, 'publish-check', 'failed'],
      [53504, 'use-website', 'failed'],
      [53505, 'use-website', 'failed'],
      [40005, 'bad-file', 'failed'],
      [40009, 'bad-file', 'failed'],
      [40007, 'invalid-media', 'failed'],
      [45003, 'content', 'failed'],
      [47001, 'content', 'failed'],
      [53502, 'invalid-publish-id', 'failed'],
      [53600, 'invalid-article-id', 'failed'],
      [99999, 'other', 'failed'],
    ];
    for (const [errcode, kind, action] of expected) {
      expect([errcode, wechatErrorKind(errcode)]).toEqual([errcode, kind]);
      expect([errcode, wechatErrorAction(kind)]).toEqual([errcode, action]);
    }
  });

  it('turns refusals into outcomes: backoff for busy, Retry-After when given, reauthorize for credentials', () => {
    expect(refusal(-1, 'system error', 'busy')).toMatchObject({ kind: 'retry', afterMs: 60_000 });
    expect(refusal(-1, 'system error', 'busy', 5_000)).toMatchObject({
      kind: 'retry',
      afterMs: 5_000,
    });
    expect(refusal(45011, 'api minute-quota', 'too-frequent')).toMatchObject({
      kind: 'retry',
      afterMs: 300_000,
    });
    expect(refusal(40125, 'invalid appsecret', 'credentials')).toMatchObject({
      kind: 'failed',
      reauthorize: true,
    });
    expect(refusal(45009, 'reach max api daily quota limit', 'quota')).toMatchObject({
      kind: 'failed',
      reauthorize: false,
    });
  });

  it('reads the IP out of a 40164 errmsg', () => {
    expect(
      ipInErrmsg('invalid ip 47.100.2.3 ipv6 ::ffff:47.100.2.3, not in whitelist rid: 1-2-3'),
    ).toBe('47.100.2.3');
    expect(ipInErrmsg('invalid ip 2408:8207::1, not in whitelist')).toBe('2408:8207::1');
    expect(ipInErrmsg('not in whitelist')).toBeNull();
  });

  it('words every problem as full sentences in both languages and keeps WeChat’s words', () => {
    const codes = [
      -1, 40001, 40013, 40125, 40164, 48001, 45009, 45011, 53500, 53503, 53504, 53505, 40005, 40007,
      45003, 44003, 53502, 53600, 61451,
    ];
    for (const errcode of codes) {
      const shown = wechatErrorProblem(errcode, 'what WeChat said');
      expect(shown.code).toBe(`wechat.${errcode}`);
      expect(shown.channel).toBe('wechat');
      expect(shown.channelSaid).toBe(`${errcode} what WeChat said`);
      expect(shown.message.zh).toMatch(/。$/);
      expect(shown.message.en).toMatch(/\.$/);
    }
    expect(
      wechatErrorProblem(40164, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist').message
        .zh,
    ).toContain('1.2.3.4');
    expect(wechatErrorProblem(45009, 'quota').message.zh).toContain('明天');
  });
});
