import { describe, expect, it } from 'vitest';
import {
  WEIBO_MAX_LENGTH,
  WEIBO_URL_LENGTH,
  weiboLength,
} from '../../../../../src/core/content/render/weiboLength.ts';

/**
 * Worked vectors for Weibo's documented rule (shared/channels/weibo.md): length =
 * ceil((ascii + 2 * other) / 2), a URL counting a fixed 10 (20 half units) whatever its length.
 * Each figure below was computed by hand from that rule, not from weiboLength; the arithmetic
 * is in the comment (a = ASCII characters, o = other characters, u = URLs).
 * Emoji here are single code points (the rule does not say how a multi-code-point emoji such
 * as a ZWJ family counts; weiboLength counts per code point, see its comment).
 */
describe('Weibo counting: worked vectors of ceil((ascii + 2 * other) / 2), URL = 10', () => {
  it('uses the documented URL figure', () => {
    expect(WEIBO_URL_LENGTH).toBe(10);
    expect(WEIBO_MAX_LENGTH).toBe(140);
  });

  const vectors: Array<[string, string, number]> = [
    // a=0 o=7 (通 州 区 政 府 发 布): (0 + 14) / 2 = 7
    ['Chinese only', '通州区政府发布', 7],
    // a=5 o=0: ceil(5 / 2) = ceil(2.5) = 3
    ['ASCII only, odd', 'Hello', 3],
    // a=6 o=0: 6 / 2 = 3
    ['ASCII only, even', 'Hello!', 3],
    // a=5 (2 0 2 4 3) o=4 (年 第 季 度): ceil((5 + 8) / 2) = ceil(6.5) = 7
    ['digits between Chinese', '2024年第3季度', 7],
    // o=9 (【 通 知 】 请 于 前 到 场) a=6 (space 9 : 0 0 space): (6 + 18) / 2 = 12
    ['full-width brackets and a time', '【通知】请于 9:00 前到场', 12],
    // o=3 (Ａ Ｂ Ｃ are full-width forms, not ASCII): 6 / 2 = 3
    ['full-width Latin letters', 'ＡＢＣ', 3],
    // o=3 (点 赞 👍): 6 / 2 = 3
    ['Chinese and an emoji', '点赞👍', 3],
    // a=2 (O K) o=1 (😀): (2 + 2) / 2 = 2
    ['ASCII and an emoji', 'OK😀', 2],
    // a=1 o=1: ceil((1 + 2) / 2) = ceil(1.5) = 2
    ['one ASCII, one emoji', 'a😀', 2],
    // o=2 (详 见) a=1 (space) u=1: ceil((1 + 4 + 20) / 2) = ceil(12.5) = 13
    ['a long URL counts 10', '详见 https://www.tongzhou.gov.cn/art/2024/1/1/art_1.html', 13],
    // o=2 (详 见) u=1, then o=3 (。 谢 谢: the URL stops at 。): (4 + 20 + 6) / 2 = 15
    ['a URL ended by Chinese punctuation', '详见https://a.gov.cn/x。谢谢', 15],
    // a=2 (A space) u=1 a=3 (space B space) u=1: ceil((2 + 20 + 3 + 20) / 2) = ceil(22.5) = 23
    ['two URLs among ASCII', 'A http://a.gov.cn B https://b.gov.cn/p?q=1&r=2', 23],
    // o=4 (【 公 告 】) a=6 (Policy) a=1 o=2 (解 读) a=1 a=4 (2024) a=1 o=1 (😀) a=1 u=1:
    // a = 6+1+1+4+1+1 = 14, o = 4+2+1 = 7: (14 + 14 + 20) / 2 = 24
    ['everything mixed', '【公告】Policy 解读 2024 😀 https://x.gov.cn/a', 24],
    // o=3 (【 关 于) a=4 (2024) o=12 (年 度 政 务 公 开 工 作 的 通 知 】)
    // o=10 (区 政 府 部 署 年 度 工 作 。) a=1 (space) u=1:
    // a = 5, o = 25: ceil((5 + 50 + 20) / 2) = ceil(37.5) = 38
    [
      'a release as the renderer writes it',
      '【关于2024年度政务公开工作的通知】区政府部署年度工作。 https://www.tongzhou.gov.cn/art/2024/3/1/art_1.html',
      38,
    ],
    // o=140: 280 / 2 = 140 (exactly the limit)
    ['140 Chinese characters', '政'.repeat(140), 140],
    // o=139 a=2: (2 + 278) / 2 = 140 (still fits)
    ['139 Chinese and 2 ASCII', `${'政'.repeat(139)}ab`, 140],
    // o=139 a=3: ceil((3 + 278) / 2) = ceil(140.5) = 141 (one half unit over)
    ['139 Chinese and 3 ASCII', `${'政'.repeat(139)}abc`, 141],
  ];

  it.each(vectors)('%s', (_name, text, expected) => {
    expect(weiboLength(text)).toBe(expected);
  });
});
