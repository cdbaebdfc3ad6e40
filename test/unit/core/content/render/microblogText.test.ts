import { describe, expect, it } from 'vitest';
import {
  hashtags,
  renderMastodonText,
} from '../../../../../src/core/content/render/mastodonText.ts';
import { mastodonLength } from '../../../../../src/core/content/render/mastodonLength.ts';
import { RenderError } from '../../../../../src/core/content/render/renderError.ts';
import { renderWeiboText } from '../../../../../src/core/content/render/weiboText.ts';
import {
  WEIBO_URL_LENGTH,
  weiboLength,
} from '../../../../../src/core/content/render/weiboLength.ts';
import { doc } from '../../../../fixtures/documents.ts';
import { emptyMeta } from '../../../../../src/shared/domain/documentMeta.ts';
import { sampleRelease } from './sampleRelease.ts';

const portalUrl = 'https://www.tongzhou.gov.cn/art/2017/3/1/art_1.html';
const withSummary = (summary: string, title = '关于开展政务公开工作的通知') => ({
  title,
  meta: { ...emptyMeta('notice'), summary, keywords: ['政务 公开', '#年报!', '政务公开'] },
  body: doc('正文第一段。'),
});

describe('renderWeiboText', () => {
  it('puts the title in 【】, the summary and the portal link, uncut when it fits', () => {
    const out = renderWeiboText(withSummary('区政府部署年度政务公开工作。'), { portalUrl });
    expect(out.text).toBe(
      `【关于开展政务公开工作的通知】区政府部署年度政务公开工作。 ${portalUrl}`,
    );
    expect(out).toMatchObject({
      length: Math.ceil((2 * (15 + 14) + 1 + 2 * WEIBO_URL_LENGTH) / 2),
      cut: false,
      fits: true,
      hasPortalLink: true,
    });
    expect(out.length).toBe(weiboLength(out.text));
  });

  it('uses the start of the body when there is no summary', () => {
    expect(renderWeiboText(withSummary(''), { portalUrl }).text).toBe(
      `【关于开展政务公开工作的通知】正文第一段。 ${portalUrl}`,
    );
  });

  it('cuts the summary on a grapheme boundary to exactly fit 140, ending with …', () => {
    const out = renderWeiboText(withSummary('政'.repeat(300)), { portalUrl });
    // 【13】 = 15, '…' 1, ' ' + URL = ceil(1/2 + 10): 15 + n + 1 + 10.5 -> ceil <= 140
    expect(out.text).toBe(`【关于开展政务公开工作的通知】${'政'.repeat(113)}… ${portalUrl}`);
    expect(out).toMatchObject({ length: 140, cut: true, fits: true });
    const emoji = renderWeiboText(withSummary('👨‍👩‍👧'.repeat(100)), { portalUrl });
    expect(emoji.text).toMatch(/^【关于开展政务公开工作的通知】(👨‍👩‍👧)+… https/u); // never half a family
    expect(emoji.length).toBeLessThanOrEqual(140);
  });

  it('drops the summary, then cuts the title, never the link', () => {
    const out = renderWeiboText(withSummary('摘要', '长'.repeat(200)), { portalUrl });
    expect(out.text).toBe(`【${'长'.repeat(126)}…】 ${portalUrl}`);
    expect(out.length).toBe(140);
  });

  it('takes an override as it is and still measures it; requires a safe portal link', () => {
    const out = renderWeiboText(sampleRelease, {
      portalUrl,
      text: `自定义${'字'.repeat(200)}\u0000`,
    });
    expect(out).toMatchObject({
      text: `自定义${'字'.repeat(200)}`,
      length: 203,
      fits: false,
      hasPortalLink: false,
      cut: false,
    });
    expect(() => renderWeiboText(sampleRelease, { portalUrl: 'javascript:alert(1)' })).toThrow(
      RenderError,
    );
  });
});

describe('renderMastodonText', () => {
  it('writes title, summary, link and hashtags as paragraphs', () => {
    const out = renderMastodonText(withSummary('摘要。'), { portalUrl, hashtags: true });
    expect(out.text).toBe(
      `关于开展政务公开工作的通知\n\n摘要。\n\n${portalUrl}\n\n#政务公开 #年报`,
    );
    expect(out).toMatchObject({
      length: 13 + 2 + 3 + 2 + 23 + 2 + 9,
      maxCharacters: 500,
      cut: false,
      fits: true,
    });
    expect(renderMastodonText(withSummary('摘要。')).text).toBe(
      '关于开展政务公开工作的通知\n\n摘要。',
    );
  });

  it('cuts to the instance limit in graphemes, URLs counting 23', () => {
    const out = renderMastodonText(withSummary('😀'.repeat(1000)), {
      portalUrl,
      maxCharacters: 100,
    });
    expect(out.text).toBe(`关于开展政务公开工作的通知\n\n${'😀'.repeat(59)}…\n\n${portalUrl}`);
    expect(out).toMatchObject({ length: 100, cut: true, fits: true });
    expect(mastodonLength(out.text)).toBe(100);
  });

  it('drops hashtags before cutting the title', () => {
    const out = renderMastodonText(withSummary('摘要', '长'.repeat(60)), {
      portalUrl,
      hashtags: true,
      maxCharacters: 90,
    });
    expect(out.text).toBe(`${'长'.repeat(60)}\n\n${portalUrl}`);
    const tight = renderMastodonText(withSummary('摘要', '长'.repeat(60)), {
      portalUrl,
      maxCharacters: 40,
    });
    expect(tight.text).toBe(`${'长'.repeat(14)}…\n\n${portalUrl}`);
    expect(tight.length).toBe(40);
  });

  it('makes hashtags of letters, digits and marks only, each once', () => {
    expect(hashtags(['政务 公开', '#年报!', '政务公开', '—', 'COVID-19'])).toBe(
      '#政务公开 #年报 #COVID19',
    );
  });
});
