import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron uses as userData for the product name "PressDesk", computed without
 * Electron, so the desktop app and the headless host find the same desk by default.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = homedir();
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'PressDesk');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'PressDesk');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'PressDesk');
  }
}
