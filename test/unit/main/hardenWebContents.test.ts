import { beforeEach, describe, expect, it } from 'vitest';
import { hardenWebContents, type BlockedAction } from '../../../src/main/hardenWebContents.ts';
import { FakeSession, FakeWebContents, type NavigationKind } from '../../fixtures/fakeElectron.ts';

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  let opened: string[];
  let blocked: [BlockedAction, string][];

  beforeEach(() => {
    contents = new FakeWebContents(new FakeSession());
    opened = [];
    blocked = [];
    hardenWebContents(contents, {
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      onBlocked: (action, target) => blocked.push([action, target]),
    });
  });

  const kinds: NavigationKind[] = ['will-navigate', 'will-redirect', 'will-frame-navigate'];

  it.each(kinds)('%s: prevents navigation to any other origin', (kind) => {
    for (const url of [
      'https://evil.example/phish',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'pressdesk://evil/index.html',
      'javascript:alert(1)',
      'about:blank',
    ]) {
      expect(contents.attemptNavigation(kind, url), url).toBe(false);
    }
  });

  it.each(kinds)('%s: lets our own origin through', (kind) => {
    expect(contents.attemptNavigation(kind, 'pressdesk://app/index.html')).toBe(true);
    expect(contents.attemptNavigation(kind, 'pressdesk://app/other.html#/drafts')).toBe(true);
  });

  it('reports blocked navigations by scheme and host only', () => {
    contents.attemptNavigation('will-navigate', 'https://evil.example/path?draft=secret');
    expect(blocked).toEqual([['navigation', 'https://evil.example']]);
  });

  it('denies every window.open and hands only http/https to the system browser', async () => {
    const web = ['https://www.gov.cn/zhengce/', 'http://example.com/a'];
    const other = [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:press@example.gov.cn',
      'data:text/html,<b>x</b>',
      'pressdesk://app/index.html',
      'ms-settings:privacy',
      'not a url',
    ];
    for (const url of [...web, ...other]) {
      expect(contents.attemptWindowOpen(url), url).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(opened).toEqual(web);
  });

  it('survives a system browser that fails to open', async () => {
    const failing = new FakeWebContents(new FakeSession());
    const seen: string[] = [];
    hardenWebContents(failing, {
      openExternal: () => Promise.reject(new Error('no browser')),
      onBlocked: (action, target) => seen.push(`${action} ${target}`),
    });
    expect(failing.attemptWindowOpen('https://www.gov.cn/')).toEqual({ action: 'deny' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['window-open https://www.gov.cn']);
  });

  it('prevents attaching a <webview>', () => {
    expect(contents.attemptAttachWebview('https://evil.example/')).toBe(false);
    expect(blocked).toEqual([['webview', 'https://evil.example']]);
  });

  it('denies every permission request and check on its session', async () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      expect(await contents.session.requestPermission(permission, contents), permission).toBe(
        false,
      );
      expect(contents.session.checkPermission(permission, contents), permission).toBe(false);
    }
    expect(contents.session.checkDevicePermission({ deviceType: 'usb' })).toBe(false);
  });

  it('starts from Electron defaults that would allow all of it (the fake is not rigged)', async () => {
    const bare = new FakeWebContents(new FakeSession());
    expect(bare.attemptNavigation('will-navigate', 'https://evil.example/')).toBe(true);
    expect(bare.attemptWindowOpen('https://evil.example/')).toEqual({ action: 'allow' });
    expect(bare.attemptAttachWebview()).toBe(true);
    expect(await bare.session.requestPermission('media')).toBe(true);
  });
});
