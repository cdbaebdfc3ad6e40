import { beforeEach, describe, expect, it } from 'vitest';
import { enforceSingleInstance } from '../../../src/main/enforceSingleInstance.ts';
import { revealWindow } from '../../../src/main/revealWindow.ts';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from '../../fixtures/fakeElectron.ts';

describe('enforceSingleInstance', () => {
  const { app } = fakeElectron;
  beforeEach(() => resetFakeElectron());

  it('quits and answers false when another instance holds the lock', () => {
    app.lockAvailable = false;
    let revealed = 0;
    expect(enforceSingleInstance(app, () => revealed++)).toBe(false);
    expect(app.lockRequests).toBe(1);
    expect(app.quitCalls).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(revealed).toBe(0);
  });

  it('keeps running with the lock and brings the window forward on every second launch', () => {
    let revealed = 0;
    expect(enforceSingleInstance(app, () => revealed++)).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.emit('second-instance', {}, ['pressdesk'], '/', {});
    app.emit('second-instance', {}, ['pressdesk'], '/', {});
    expect(revealed).toBe(2);
  });
});

describe('revealWindow', () => {
  beforeEach(() => resetFakeElectron());

  it('restores a minimized, hidden window, shows and focuses it', () => {
    const win = new FakeBrowserWindow();
    win.minimize();
    revealWindow(win);
    expect(win.isMinimized()).toBe(false);
    expect(win.isVisible()).toBe(true);
    expect(win.isFocused()).toBe(true);
  });

  it('leaves a destroyed window alone', () => {
    const win = new FakeBrowserWindow();
    win.close();
    revealWindow(win);
    expect(win.isFocused()).toBe(false);
  });
});
