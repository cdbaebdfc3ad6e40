import { safeLinkUrl } from '../../../shared/document/safeUrl.ts';
import { RenderError } from './renderError.ts';

/**
 * Checks a URL an adapter hands a renderer (portal link, uploaded image): only absolute http or
 * https. A bad one is a bug upstream, so it throws rather than publish a broken or unsafe link.
 */
export function channelUrl(raw: string, channel: string, what: string): string {
  const url = safeLinkUrl(raw);
  if (url === undefined || !/^https?:/.test(url)) {
    const code = what === 'image' ? 'unsafe_image_url' : 'unsafe_link';
    throw new RenderError(
      code,
      channel,
      `The ${what} URL for ${channel} must be an http or https address: "${raw.slice(0, 80)}".`,
    );
  }
  return url;
}
