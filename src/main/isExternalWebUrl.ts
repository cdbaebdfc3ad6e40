/**
 * True only for http: and https: URLs: the only links PressDesk hands to the system browser.
 * Everything else (file:, javascript:, data:, mailto:, custom schemes that would launch other
 * programs) is refused, because shell.openExternal runs whatever the OS associates with it.
 */
export function isExternalWebUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:';
}
