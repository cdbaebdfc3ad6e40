import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronNativeBinding } from '../../../src/main/findElectronNativeBinding.ts';

describe('findElectronNativeBinding', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pressdesk-native-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const put = (dir: string) => {
    mkdirSync(join(dir, '.electron-native'), { recursive: true });
    writeFileSync(join(dir, '.electron-native', 'better_sqlite3.node'), '');
    return join(dir, '.electron-native', 'better_sqlite3.node');
  };

  it('answers the Electron build under the app path when unpackaged', () => {
    const appPath = join(root, 'repo');
    const expected = put(appPath);
    const resourcesPath = join(root, 'resources');
    expect(findElectronNativeBinding({ isPackaged: false, appPath, resourcesPath })).toBe(expected);
  });

  it('answers the Electron build under resources when packaged', () => {
    const appPath = join(root, 'resources', 'app.asar');
    const resourcesPath = join(root, 'resources');
    const expected = put(resourcesPath);
    expect(findElectronNativeBinding({ isPackaged: true, appPath, resourcesPath })).toBe(expected);
  });

  it('answers undefined when there is no Electron build (better-sqlite3 uses its default)', () => {
    expect(
      findElectronNativeBinding({ isPackaged: false, appPath: root, resourcesPath: root }),
    ).toBeUndefined();
  });
});
