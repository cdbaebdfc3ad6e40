import { resolve } from 'node:path';

export interface DesktopPaths {
  rendererDir: string;
  preloadPath: string;
}

/**
 * Where the built renderer and preload are, from the folder of the built main (out/main):
 * electron.vite.config.ts writes them to out/renderer and out/preload/index.cjs.
 */
export function desktopPaths(mainDir: string): DesktopPaths {
  return {
    rendererDir: resolve(mainDir, '..', 'renderer'),
    preloadPath: resolve(mainDir, '..', 'preload', 'index.cjs'),
  };
}
