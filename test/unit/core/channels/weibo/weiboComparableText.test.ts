import { describe, expect, it } from 'vitest';
import { weiboComparableText } from '../../../../../src/core/channels/weibo/weiboComparableText.ts';

describe('weiboComparableText', () => {
  it('makes the sent text and the t.cn-shortened text returned by Weibo equal', () => {
    const sent = '【通知】区政府部署年度工作。 https://www.tongzhou.gov.cn/art/2024/3/1/art_1.html';
    const returned = '【通知】区政府部署年度工作。 http://t.cn/A6abcde';
    expect(weiboComparableText(returned)).toBe(weiboComparableText(sent));
    expect(weiboComparableText(sent)).toBe('【通知】区政府部署年度工作。');
  });

  it('collapses white space and removes every link, wherever it stands', () => {
    expect(weiboComparableText('  见 https://a.gov.cn/x\n\n和http://t.cn/A6xyz12 等  ')).toBe(
      '见 和 等',
    );
  });

  it('keeps texts that differ outside their links apart', () => {
    expect(weiboComparableText('通知一 https://a.gov.cn/1')).not.toBe(
      weiboComparableText('通知二 https://a.gov.cn/1'),
    );
  });
});
