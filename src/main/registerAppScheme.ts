import { APP_SCHEME } from './appOrigin.ts';

/**
 * standard: real origin and relative URLs (the renderer is built with base './');
 * secure: treated like https (secure context APIs, no mixed-content downgrade);
 * supportFetchAPI: the renderer's own fetch of its assets works.
 * Not bypassCSP (the CSP header must apply), not corsEnabled, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

export interface PrivilegedSchemeRegistrar {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges?: typeof APP_SCHEME_PRIVILEGES }[],
  ): void;
}

/** Declares the app scheme. Electron only accepts this before the app's `ready` event. */
export function registerAppScheme(protocol: PrivilegedSchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ]);
}
