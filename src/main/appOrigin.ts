/**
 * PressDesk's own origin. The renderer is served only from `pressdesk://app/`; that origin is
 * the one place allowed to be navigated to and the one whose main frame may call the contract.
 */
export const APP_SCHEME = 'pressdesk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on our app origin: scheme `pressdesk:`, host exactly `app`, no port and
 * no credentials. Compared part by part because Node's URL reports the origin of any
 * non-http scheme as "null", which would make every custom-scheme URL look alike.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
