import { describe, expect, it } from 'vitest';
import {
  MASTODON_URL_LENGTH,
  mastodonLength,
} from '../../../../../src/core/content/render/mastodonLength.ts';

describe('mastodonLength: grapheme clusters, every URL counting 23', () => {
  it('counts CJK, ASCII and emoji as one grapheme each', () => {
    expect(mastodonLength('')).toBe(0);
    expect(mastodonLength('政务公开 open')).toBe(9);
    expect(mastodonLength('👨‍👩‍👧')).toBe(1);
    expect(mastodonLength('🇨🇳👍🏽é')).toBe(3); // flag, skin-toned thumb, e + combining acute
  });

  it('counts any http(s) URL as 23 characters', () => {
    expect(MASTODON_URL_LENGTH).toBe(23);
    expect(mastodonLength('https://a.cn')).toBe(23);
    expect(mastodonLength(`见 https://www.tongzhou.gov.cn/${'x'.repeat(400)} 。`)).toBe(2 + 23 + 2);
    expect(mastodonLength('详见https://a.cn/b。#政务')).toBe(2 + 23 + 1 + 3);
  });
});
