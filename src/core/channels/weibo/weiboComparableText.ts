import { URL_IN_TEXT } from '../../content/render/urlPattern.ts';

/**
 * A status text reduced to what survives Weibo's rewriting: every URL removed (Weibo returns
 * links shortened to http://t.cn/..., so the long portal link is never found again) and white
 * space collapsed. Two texts that differ only in their links compare equal; for a press
 * office's releases, whose texts differ in their titles, that is precise enough.
 */
export function weiboComparableText(text: string): string {
  return text.replace(URL_IN_TEXT, ' ').replace(/\s+/g, ' ').trim();
}
