/** The link schemes a release may carry. Everything else (javascript:, data:, file:, vbscript:, ...) is refused. */
export const SAFE_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

/**
 * Parses and checks a link target. Returns the normalized URL, or undefined when it is not an
 * absolute http, https or mailto URL. Control characters and whitespace inside the scheme
 * (the classic "java\tscript:" trick) cannot pass: the WHATWG parser strips them and the
 * protocol is then checked on the result.
 */
export function safeLinkUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!(SAFE_LINK_PROTOCOLS as readonly string[]).includes(url.protocol)) return undefined;
  if (url.protocol !== 'mailto:' && !url.hostname) return undefined;
  return url.href;
}
