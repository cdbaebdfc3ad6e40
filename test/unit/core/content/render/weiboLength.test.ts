import { describe, expect, it } from 'vitest';
import {
  WEIBO_URL_LENGTH,
  weiboLength,
} from '../../../../../src/core/content/render/weiboLength.ts';

describe('weiboLength: ceil((ascii + 2 * other) / 2), a URL counting WEIBO_URL_LENGTH', () => {
  it('counts a CJK character 1 and an ASCII character one half, rounded up', () => {
    expect(weiboLength('')).toBe(0);
    expect(weiboLength('政务公开')).toBe(4);
    expect(weiboLength('a')).toBe(1);
    expect(weiboLength('ab')).toBe(1);
    expect(weiboLength('abc')).toBe(2);
    expect(weiboLength('2016年政务公开')).toBe(2 + 5);
    expect(weiboLength('【通知】')).toBe(4); // full-width brackets are not ASCII
  });

  it('counts an emoji per code point as one non-ASCII character', () => {
    expect(weiboLength('😀')).toBe(1);
    expect(weiboLength('a😀')).toBe(2); // (1 + 2) / 2 rounded up
    expect(weiboLength('👍🏽')).toBe(2); // base + skin tone: two code points
    expect(weiboLength('👨‍👩‍👧')).toBe(5); // three people and two ZWJ
  });

  it('counts every URL the same whatever its length, and stops a URL at CJK text or a space', () => {
    expect(weiboLength('https://t.cn/A6')).toBe(WEIBO_URL_LENGTH);
    expect(weiboLength(`https://www.tongzhou.gov.cn/${'x'.repeat(300)}`)).toBe(WEIBO_URL_LENGTH);
    expect(weiboLength('详见https://a.cn/b。')).toBe(2 + WEIBO_URL_LENGTH + 1);
    expect(weiboLength('见 http://a.cn 和 https://b.cn/?q=1&r=2 等')).toBe(
      Math.ceil((2 + 1 + 20 + 1 + 2 + 1 + 20 + 1 + 2) / 2),
    );
    expect(weiboLength('ftp://a.cn')).toBe(5); // not a URL Weibo shortens: plain ASCII
  });
});
