import { describe, expect, it } from 'vitest';
import {
  formatWeiboDate,
  parseWeiboDate,
} from '../../../../../src/core/channels/weibo/weiboDate.ts';

describe('Weibo timestamps', () => {
  it('reads the format of the API reference, offset included', () => {
    expect(parseWeiboDate('Tue May 31 17:46:55 +0800 2011')?.toISOString()).toBe(
      '2011-05-31T09:46:55.000Z',
    );
    expect(parseWeiboDate('Wed Jan 01 00:30:00 -0130 2025')?.toISOString()).toBe(
      '2025-01-01T02:00:00.000Z',
    );
  });

  it('writes China Standard Time, and reads back what it wrote', () => {
    const at = new Date('2025-02-28T17:05:09Z');
    expect(formatWeiboDate(at)).toBe('Sat Mar 01 01:05:09 +0800 2025');
    expect(parseWeiboDate(formatWeiboDate(at))?.getTime()).toBe(at.getTime());
  });

  it('answers null for anything else', () => {
    expect(parseWeiboDate('2011-05-31T09:46:55Z')).toBeNull();
    expect(parseWeiboDate('Tue Foo 31 17:46:55 +0800 2011')).toBeNull();
    expect(parseWeiboDate('')).toBeNull();
  });
});
