import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src/main/mainWindowOptions.ts';

describe('mainWindowOptions', () => {
  it('hardens webPreferences: sandboxed, isolated, no Node, web security on, no webview, no spellcheck', () => {
    const options = mainWindowOptions({
      preloadPath: '/app/out/preload/index.cjs',
      devTools: false,
    });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('starts hidden (shown on ready-to-show) and passes devTools through', () => {
    const options = mainWindowOptions({ preloadPath: '/p.cjs', devTools: true });
    expect(options.show).toBe(false);
    expect(options.webPreferences?.devTools).toBe(true);
  });
});
