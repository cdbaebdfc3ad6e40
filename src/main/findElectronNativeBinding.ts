import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron build of better-sqlite3 lives, relative to the app root (the repository
 * in development, `resources/` in a packaged app). DESIGN.md, "One native module, two
 * runtimes": the Node build stays where npm put it, for tests and the headless host.
 */
export const ELECTRON_NATIVE_BINDING = join('.electron-native', 'better_sqlite3.node');

export interface NativeBindingLocation {
  isPackaged: boolean;
  /** app.getAppPath(): the folder of package.json when unpackaged. */
  appPath: string;
  /** process.resourcesPath: where a packaged app keeps files outside its asar. */
  resourcesPath: string;
  exists?: (path: string) => boolean;
}

/**
 * The path to hand to better-sqlite3's `nativeBinding`, or undefined when there is no Electron
 * build, in which case better-sqlite3 loads its default build (and the store reports an ABI
 * mismatch as a StoreOpenError if that build is Node's).
 */
export function findElectronNativeBinding(where: NativeBindingLocation): string | undefined {
  const exists = where.exists ?? existsSync;
  const root = where.isPackaged ? where.resourcesPath : where.appPath;
  const path = join(root, ELECTRON_NATIVE_BINDING);
  return exists(path) ? path : undefined;
}
