import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../../src/core/app.ts';
import {
  startSandboxChannels,
  type SandboxChannels,
} from '../../../src/core/channels/sandbox/sandboxChannels.ts';
import { useTempDirs } from '../../fixtures/tempDir.ts';

/** Every file under a folder (the data folder: database, WAL, logs, key file, media). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('secrets never leave core in clear', () => {
  const tempDir = useTempDirs();
  let sandbox: SandboxChannels | undefined;
  let app: DeskApp | undefined;
  afterEach(async () => {
    app?.close();
    await sandbox?.close();
    app = undefined;
    sandbox = undefined;
  });

  it('a planted canary secret is in no reply, no database file, no WAL and no log', async () => {
    const dataDir = tempDir();
    sandbox = await startSandboxChannels({ dataDir });
    const desk = createApp({ dataDir, runtime: 'headless', sandbox });
    app = desk;
    const canaryToken = 'CANARY-7f3a9c51-mastodon-token';
    const canarySecret = 'CANARY0wechat0secret0d41d8cd98f';
    const replies: unknown[] = [];
    const call = async (method: string, input: unknown) => {
      const envelope = await desk.call(method, input);
      replies.push(envelope);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.value as { id: string };
    };

    // Accounts pointing at the sandbox channels, but with the canary as their secret: the
    // channels refuse them, and their problems must not echo the secret either.
    const mastodon = await call('accounts.create', {
      name: 'Mastodon canary',
      settings: { channel: 'mastodon', instanceUrl: sandbox.channels.mastodon.url },
      secrets: { accessToken: canaryToken },
    });
    const wechat = await call('accounts.create', {
      name: '公众号 canary',
      settings: {
        channel: 'wechat',
        apiBase: sandbox.channels.wechat.url,
        appId: 'wx0123456789abcdef',
      },
      secrets: { appSecret: canarySecret },
    });
    await call('accounts.test', { id: mastodon.id });
    await call('accounts.test', { id: wechat.id });
    await call('accounts.update', { id: wechat.id, name: '公众号 canary 2' });
    await call('accounts.list', {});
    // A failing call is logged too.
    await desk.call('accounts.update', { id: wechat.id, secrets: { accessToken: canarySecret } });

    const texts = [JSON.stringify(replies)];
    expect(texts[0]).toContain('lastCheck');
    const scan = () => {
      const files = filesUnder(dataDir);
      expect(files.some((f) => f.endsWith('.sqlite-wal') || f.endsWith('-wal'))).toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const canary of [canaryToken, canarySecret]) {
          expect(bytes.includes(Buffer.from(canary)), `${canary} in ${file}`).toBe(false);
          expect(
            bytes.includes(Buffer.from(canary, 'utf16le')),
            `${canary} (UTF-16) in ${file}`,
          ).toBe(false);
        }
      }
      return files;
    };
    const files = scan();
    expect(files.some((f) => f.includes('logs'))).toBe(true);
    for (const canary of [canaryToken, canarySecret]) expect(texts[0]).not.toContain(canary);
    desk.close();
    app = undefined;
    // After the WAL was checkpointed into the database file.
    for (const file of filesUnder(dataDir)) {
      expect(readFileSync(file).includes(Buffer.from(canaryToken))).toBe(false);
    }
  });
});
