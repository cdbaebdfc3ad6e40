import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../fixtures/tempDir.ts';

describe('npm start (scripts/start.mjs) without an Electron binary', () => {
  const tempDir = useTempDirs();

  it('says there is no desktop shell, never tries to download one, and serves the app headless', async () => {
    const child = spawn(
      process.execPath,
      ['scripts/start.mjs', '--data-dir', tempDir(), '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: tempDir() },
      },
    );
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no address within 90 s:\n${output}`)),
          90_000,
        );
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
      });
      expect(output).toMatch(/No desktop shell/);
      expect(output).not.toMatch(/Downloading Electron/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
