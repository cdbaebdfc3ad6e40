import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannelOf } from '../../../src/shared/api/bridge.ts';
import { API_METHODS } from '../../../src/shared/api/contract.ts';
import {
  fakeElectron,
  invokeEventFrom,
  resetFakeElectron,
  FakeBrowserWindow,
} from '../../fixtures/fakeElectron.ts';

vi.mock('electron', async () => (await import('../../fixtures/fakeElectron.ts')).electronModule);

const { startDesk } = await import('../../../src/main/startDesk.ts');

describe('startDesk (against the fake electron module)', () => {
  const { app, ipcMain, protocol, dialog, session } = fakeElectron;
  let root: string;
  let dataDir: string;
  const mainDir = resolve('/opt/pressdesk/out/main');

  beforeEach(() => {
    resetFakeElectron();
    root = mkdtempSync(join(tmpdir(), 'pressdesk-start-'));
    dataDir = join(root, 'data');
    app.paths.userData = join(root, 'userData');
    app.appPath = root;
  });
  afterEach(() => {
    app.emit('will-quit', {});
    rmSync(root, { recursive: true, force: true });
  });

  const start = (argv: string[] = ['electron', '.', '--data-dir', dataDir]) =>
    startDesk({ mainDir, argv, env: {} });

  it('starts: scheme before ready, then protocol, store, IPC and one hardened window', async () => {
    const started = start();
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'pressdesk', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    app.markReady();
    await started;

    expect([...protocol.handlers.keys()]).toEqual(['pressdesk']);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannelOf).sort());
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const [win] = FakeBrowserWindow.created;
    if (!win) throw new Error('no window');
    expect(win.options.webPreferences).toMatchObject({
      preload: resolve('/opt/pressdesk/out/preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(win.webContents.getURL()).toBe('pressdesk://app/index.html');
    expect(win.isVisible()).toBe(false);
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);

    // The window got hardened through app 'web-contents-created'.
    expect(win.webContents.attemptNavigation('will-navigate', 'https://evil.example/')).toBe(false);
    expect(win.webContents.attemptWindowOpen('https://www.gov.cn/')).toEqual({ action: 'deny' });
    expect(session.defaultSession.checkPermission('media')).toBe(false);

    const info = await ipcMain.invoke('api:app.info', invokeEventFrom(win.webContents), {});
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron', dataDir } });
    expect(dialog.errorBoxes).toEqual([]);
    expect(app.exitCodes).toEqual([]);
  });

  it('uses Electron userData when no data dir is given', async () => {
    const started = start(['electron', '.']);
    app.markReady();
    await started;
    const [win] = FakeBrowserWindow.created;
    if (!win) throw new Error('no window');
    const info = await ipcMain.invoke('api:app.info', invokeEventFrom(win.webContents), {});
    expect(info).toMatchObject({ ok: true, value: { dataDir: join(root, 'userData') } });
  });

  it('closes the store and removes the handlers on will-quit', async () => {
    const started = start();
    app.markReady();
    await started;
    const [win] = FakeBrowserWindow.created;
    if (!win) throw new Error('no window');
    await ipcMain.invoke('api:settings.set', invokeEventFrom(win.webContents), { locale: 'en' });
    expect(existsSync(join(dataDir, 'pressdesk.sqlite-wal'))).toBe(true);

    app.emit('will-quit', {});
    expect(ipcMain.handlers.size).toBe(0);
    // SQLite checkpoints and deletes the WAL file when the last connection closes.
    expect(existsSync(join(dataDir, 'pressdesk.sqlite-wal'))).toBe(false);
  });

  it('quits without touching anything when another instance holds the lock', async () => {
    app.lockAvailable = false;
    await start();
    expect(app.quitCalls).toBe(1);
    expect(protocol.privilegedSchemes).toBeUndefined();
    expect(app.listenerCount('web-contents-created')).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('restores and focuses the existing window on a second launch', async () => {
    const started = start();
    app.markReady();
    await started;
    const [win] = FakeBrowserWindow.created;
    if (!win) throw new Error('no window');
    win.show();
    win.minimize();
    win.blur();
    app.emit('second-instance', {}, ['electron', '.'], root, {});
    expect(win.isMinimized()).toBe(false);
    expect(win.isFocused()).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('on a StoreOpenError shows the error box, exits 1, opens no window and leaves the file as it was', async () => {
    // A file where the database should be that is not SQLite.
    const dbPath = join(dataDir, 'pressdesk.sqlite');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(dbPath, 'these are not the pages you are looking for');
    const started = start();
    app.markReady();
    await started;

    expect(dialog.errorBoxes).toHaveLength(1);
    expect(dialog.errorBoxes[0]?.title).toMatch(/无法启动.*PressDesk cannot start/);
    expect(dialog.errorBoxes[0]?.content).toContain(dbPath);
    expect(dialog.errorBoxes[0]?.content).toMatch(/not a PressDesk database/);
    expect(app.exitCodes).toEqual([1]);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(readFileSync(dbPath, 'utf8')).toBe('these are not the pages you are looking for');
  });

  it('on an unusable data folder exits 1 rather than starting elsewhere', async () => {
    const notADir = join(root, 'a-file');
    writeFileSync(notADir, 'x');
    const started = start(['electron', '.', `--data-dir=${notADir}`]);
    app.markReady();
    await started;
    expect(dialog.errorBoxes[0]?.content).toMatch(/cannot be used/);
    expect(app.exitCodes).toEqual([1]);
    expect(existsSync(join(root, 'userData'))).toBe(false);
  });
});
