import { WECHAT_DIGEST_DEFAULT } from '../../shared/content/preview.ts';
import { plainTextBlocks } from '../../shared/document/plainText.ts';
import type { Release } from './render/release.ts';

/** Cuts text to at most `max` characters (code points), for WeChat's derived fields. */
function firstCharacters(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/gu, ' ').trim());
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('');
}

/**
 * The WeChat article's title, digest and author: what the editor tailored, else derived
 * (digest: the summary, else the first 54 characters of the body, as WeChat itself does).
 * The title is never cut: the checks flag one over WeChat's limit rather than shorten it.
 */
export function wechatFields(release: Release): { title: string; digest: string; author: string } {
  const variant = release.meta.channels.wechat;
  const digest =
    variant.digest ||
    firstCharacters(
      release.meta.summary || plainTextBlocks(release.body).join(' '),
      release.meta.summary ? 128 : WECHAT_DIGEST_DEFAULT,
    );
  return {
    title: variant.title || release.title,
    digest,
    author: variant.author || release.meta.author,
  };
}
