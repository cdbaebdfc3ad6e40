/** The permission hooks of an Electron session that PressDesk sets. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/**
 * Denies every web permission (camera, microphone, geolocation, notifications, clipboard
 * read, HID/USB/serial devices, ...) to every page of the session. Electron grants all of
 * them by default; PressDesk's page needs none (notifications come from the main process).
 * Idempotent: setting it again on the same session replaces the handlers with equal ones.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
