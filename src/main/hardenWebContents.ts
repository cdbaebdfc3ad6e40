import { isAppUrl } from './appOrigin.ts';
import { denyAllPermissions, type PermissionSession } from './denyAllPermissions.ts';
import { isExternalWebUrl } from './isExternalWebUrl.ts';

/** A navigation event of Electron (will-navigate, will-redirect, will-frame-navigate). */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** What hardenWebContents needs of an Electron WebContents. */
export interface HardenableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(
    event: 'will-attach-webview',
    listener: (
      event: { preventDefault(): void },
      webPreferences: unknown,
      params: Readonly<Record<string, string>>,
    ) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
  readonly session: PermissionSession;
}

export type BlockedAction = 'navigation' | 'redirect' | 'window-open' | 'webview';

export interface HardenOptions {
  /** Hands an http(s) URL to the system browser (Electron's shell.openExternal). */
  openExternal(url: string): Promise<void>;
  /** Told of everything refused, for the log. Receives the URL's scheme and host only. */
  onBlocked?: (action: BlockedAction, target: string) => void;
}

/**
 * Locks down one web contents (called for every one, from app 'web-contents-created').
 *
 * Contract: no frame navigates or is redirected anywhere but our app origin; no new window is
 * ever created (window.open and target=_blank are denied; http and https URLs, and nothing
 * else, are handed to the system browser); no <webview> is attached; every permission is
 * denied on its session.
 */
export function hardenWebContents(contents: HardenableWebContents, options: HardenOptions): void {
  const blocked = (action: BlockedAction, url: string) =>
    options.onBlocked?.(action, targetOf(url));
  const guardNavigation = (action: BlockedAction) => (event: NavigationEvent) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    blocked(action, event.url);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));

  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      options.openExternal(url).catch(() => blocked('window-open', url));
    } else {
      blocked('window-open', url);
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    blocked('webview', params.src ?? '');
  });

  denyAllPermissions(contents.session);
}

/** Scheme and host of a URL: enough to diagnose, without paths or queries that may hold text. */
function targetOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
  } catch {
    return 'unparseable';
  }
}
