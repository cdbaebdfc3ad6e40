import { channelUrl } from './channelUrl.ts';
import { cleanText } from './cleanText.ts';
import { fitCap, fitText } from './fitText.ts';
import { collapse, leadText } from './leadText.ts';
import type { Release } from './release.ts';
import { WEIBO_MAX_LENGTH, weiboLength } from './weiboLength.ts';

export interface WeiboOptions {
  /**
   * The release's page on the portal. Required: Weibo refuses a status without a link under a
   * "safe domain" registered for the app (error 10017).
   */
  portalUrl: string;
  /** The editor's own text for this channel: used as it is (control characters removed). */
  text?: string | undefined;
  /** Defaults to WEIBO_MAX_LENGTH. */
  maxLength?: number | undefined;
}

export interface WeiboText {
  text: string;
  /** weiboLength(text). */
  length: number;
  maxLength: number;
  /** length <= maxLength. Always true for generated text; an override may be too long. */
  fits: boolean;
  /** Whether the generated text had to be shortened. */
  cut: boolean;
  /** Whether the text carries the portal link (an override might not: Weibo would refuse it). */
  hasPortalLink: boolean;
}

/**
 * A Weibo status: 【title】 then the summary (or the start of the body), then the portal link,
 * within Weibo's length rule (weiboLength). The summary is cut first (ending with '…'), then
 * dropped, then the title cut; the link is never cut.
 */
export function renderWeiboText(release: Release, options: WeiboOptions): WeiboText {
  const portalUrl = channelUrl(options.portalUrl, 'weibo', 'portal link');
  const maxLength = options.maxLength ?? WEIBO_MAX_LENGTH;
  if (options.text !== undefined) {
    const text = cleanText(options.text);
    return measured(text, maxLength, false, portalUrl);
  }
  const title = collapse(release.title);
  const head = title === '' ? '' : `【${title}】`;
  const lead = leadText(release, fitCap(maxLength));
  const withLead = fitText(
    lead,
    (part) => `${head}${part} ${portalUrl}`.trimStart(),
    weiboLength,
    maxLength,
  );
  if (withLead) return measured(withLead.text, maxLength, withLead.cut, portalUrl);
  const withTitle = fitText(title, (part) => `【${part}】 ${portalUrl}`, weiboLength, maxLength);
  // Only a limit shorter than the link itself leaves nothing else: post the bare link.
  return measured(withTitle?.text ?? portalUrl, maxLength, true, portalUrl);
}

function measured(text: string, maxLength: number, cut: boolean, portalUrl: string): WeiboText {
  const length = weiboLength(text);
  return {
    text,
    length,
    maxLength,
    fits: length <= maxLength,
    cut,
    hasPortalLink: text.includes(portalUrl),
  };
}
