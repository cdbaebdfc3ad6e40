import { PREVIEW_MEDIA_BASE } from '../../../../shared/content/preview.ts';
import { mediaUrl } from '../../../../shared/domain/media.ts';

/**
 * The channel HTML as this window can show it: library images are loaded from this origin.
 * The HTML itself comes from the core's renderers, which never emit scripts, event handlers or
 * unsafe URLs (a property-based test holds them to it), and the page's CSP forbids inline
 * scripts besides; it is shown as the channel will show it.
 */
export function previewHtml(html: string): string {
  return html.replaceAll(PREVIEW_MEDIA_BASE, `${mediaUrl('')}`);
}

/** Plain text with the stand-in portal address shown as what it is. */
export function previewText(text: string, portalLabel: string): string {
  return text.replaceAll('https://portal.pressdesk.invalid/release', portalLabel);
}
