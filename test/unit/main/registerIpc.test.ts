import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type DeskApp } from '../../../src/core/app.ts';
import { memoryLogger } from '../../../src/core/log/logger.ts';
import { registerIpc } from '../../../src/main/registerIpc.ts';
import { IPC_EVENT_CHANNEL, ipcChannelOf } from '../../../src/shared/api/bridge.ts';
import { API_METHODS } from '../../../src/shared/api/contract.ts';
import {
  FakeBrowserWindow,
  FakeIpcMain,
  FakeWebContents,
  FakeWebFrameMain,
  invokeEventFrom,
} from '../../fixtures/fakeElectron.ts';

const APP_PAGE = 'pressdesk://app/index.html';
/** A valid call with a visible effect: the language switches and settings.changed is emitted. */
const SWITCH = { locale: 'en' };

describe('registerIpc', () => {
  let dataDir: string;
  let desk: DeskApp;
  let call: ReturnType<typeof vi.fn<DeskApp['call']>>;
  let ipcMain: FakeIpcMain;
  let windows: FakeBrowserWindow[];
  let win: FakeBrowserWindow;
  let forbidden: string[];
  let dispose: () => void;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pressdesk-ipc-'));
    desk = createApp({ dataDir, runtime: 'electron', logger: memoryLogger() });
    call = vi.fn<DeskApp['call']>((method, input) => desk.call(method, input));
    ipcMain = new FakeIpcMain();
    win = new FakeBrowserWindow();
    await win.loadURL(APP_PAGE);
    windows = [win];
    forbidden = [];
    dispose = registerIpc({
      ipcMain,
      desk: { call, events: desk.events },
      windows: () => windows,
      onForbidden: (method) => forbidden.push(method),
    });
  });

  afterEach(() => {
    dispose();
    desk.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const fromMainFrame = (channel: string, ...args: unknown[]) =>
    ipcMain.invoke(channel, invokeEventFrom(win.webContents), ...args);

  it('registers exactly one handler per contract method, on api:<method>, and nothing else', () => {
    const expected = API_METHODS.map((method) => ipcChannelOf(method)).sort();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected);
    expect(ipcMain.handlers.size).toBe(API_METHODS.length);
    expect(expected).toContain('api:drafts.save');
  });

  it('forwards a call from our window to core and answers its envelope', async () => {
    const office = { officeName: '某区人民政府新闻办公室', locale: 'en' };
    const saved = await fromMainFrame('api:settings.set', office);
    expect(saved).toMatchObject({ ok: true, value: { ...office, timeZone: 'Asia/Shanghai' } });
    expect(call).toHaveBeenCalledWith('settings.set', office);

    // The change really reached the store behind core.
    expect(await desk.call('settings.get', {})).toEqual(saved);
    expect(await fromMainFrame('api:settings.get', {})).toEqual(saved);
    expect(await fromMainFrame('api:app.info', {})).toMatchObject({
      ok: true,
      value: { runtime: 'electron', dataDir },
    });
  });

  it('passes only the first argument to core', async () => {
    await fromMainFrame('api:settings.get', {}, { smuggled: true });
    expect(call).toHaveBeenCalledTimes(1);
    expect(call.mock.calls[0]).toEqual(['settings.get', {}]);
  });

  it('answers invalid_input (from core) for bad input', async () => {
    const answer = await fromMainFrame('api:settings.set', { locale: 'klingon', extra: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const issues = (answer as { error: { issues: { path: string }[] } }).error.issues;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['locale']));
    expect(await desk.call('settings.get', {})).toMatchObject({ value: { locale: 'zh-CN' } });
  });

  const expectForbidden = async (answer: Promise<unknown>) => {
    expect(await answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(call).not.toHaveBeenCalled();
    expect(await desk.call('settings.get', {})).toMatchObject({
      ok: true,
      value: { locale: 'zh-CN' },
    });
  };

  it('refuses our window once its main frame shows another origin, without calling core', async () => {
    await win.loadURL('https://evil.example/');
    await expectForbidden(fromMainFrame('api:settings.set', SWITCH));
    expect(forbidden).toEqual(['settings.set']);
  });

  it('refuses a subframe of our window, even one on our origin', async () => {
    const subframe = win.webContents.createSubframe(APP_PAGE);
    await expectForbidden(
      ipcMain.invoke('api:settings.set', invokeEventFrom(win.webContents, subframe), SWITCH),
    );
  });

  it('refuses a frame claiming to be ours but not the main frame of the sender', async () => {
    const impostor = new FakeWebFrameMain({ url: APP_PAGE, processId: 999 });
    await expectForbidden(
      ipcMain.invoke('api:settings.set', invokeEventFrom(win.webContents, impostor), SWITCH),
    );
  });

  it('refuses a web contents that is not one of our windows, even on our origin', async () => {
    const stranger = new FakeWebContents();
    await stranger.loadURL(APP_PAGE);
    await expectForbidden(ipcMain.invoke('api:settings.set', invokeEventFrom(stranger), SWITCH));
  });

  it('refuses a sender frame that is gone (null or disposed)', async () => {
    await expectForbidden(
      ipcMain.invoke('api:settings.set', invokeEventFrom(win.webContents, null), SWITCH),
    );
    win.webContents.mainFrame.dispose();
    await expectForbidden(fromMainFrame('api:settings.set', SWITCH));
  });

  it('refuses a window that was closed', async () => {
    win.close();
    await expectForbidden(fromMainFrame('api:settings.set', SWITCH));
  });

  it('pushes core events to every live window on our origin, skipping destroyed and foreign ones', async () => {
    const second = new FakeBrowserWindow();
    await second.loadURL(APP_PAGE);
    const closed = new FakeBrowserWindow();
    await closed.loadURL(APP_PAGE);
    closed.close();
    const foreign = new FakeBrowserWindow();
    await foreign.loadURL('https://evil.example/');
    windows.push(second, closed, foreign);

    expect(await fromMainFrame('api:settings.set', SWITCH)).toMatchObject({ ok: true });
    const expected = [
      {
        channel: IPC_EVENT_CHANNEL,
        args: [{ name: 'settings.changed', payload: { locale: 'en' } }],
      },
    ];
    expect(win.webContents.sent).toEqual(expected);
    expect(second.webContents.sent).toEqual(expected);
    expect(closed.webContents.sent).toEqual([]);
    expect(foreign.webContents.sent).toEqual([]);
  });

  it('dispose removes every handler and stops the events', async () => {
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    await expect(fromMainFrame('api:app.info', {})).rejects.toThrow(/No handler registered/);
    expect(await desk.call('settings.set', SWITCH)).toMatchObject({ ok: true });
    expect(win.webContents.sent).toEqual([]);
  });
});
