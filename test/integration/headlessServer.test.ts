import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../src/core/app.ts';
import { memoryLogger } from '../../src/core/log/logger.ts';
import { tokenCookieName } from '../../src/headless/accessToken.ts';
import {
  MAX_BODY_BYTES,
  startHeadlessServer,
  type HeadlessServer,
} from '../../src/headless/headlessServer.ts';
import { resolveStaticPath } from '../../src/headless/staticFiles.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp.ts';
import { PNG_1x1 } from '../fixtures/images.ts';
import { useTempDirs } from '../fixtures/tempDir.ts';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvw';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** A raw HTTP request, so tests control every header (fetch would forbid setting Host). */
function send(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as ReturnType<Reply['json']>,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('headless host', () => {
  const tempDir = useTempDirs();
  let server: HeadlessServer | undefined;
  let app: DeskApp | undefined;
  afterEach(async () => {
    await server?.close();
    app?.close();
    server = undefined;
    app = undefined;
  });

  async function start() {
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PressDesk</title>');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    app = createApp({ dataDir: tempDir(), runtime: 'headless', logger: memoryLogger() });
    server = await startHeadlessServer({ app, staticDir, token: TOKEN, port: 0 });
    return server.port;
  }
  const api = (port: number, method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('listens on loopback only and prints an address carrying the token', async () => {
    await start();
    expect(server?.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${TOKEN}$`));
  });

  it('refuses every API request without the token (401, with the envelope)', async () => {
    const port = await start();
    for (const headers of [
      {},
      { authorization: 'Bearer wrong' },
      { cookie: `${tokenCookieName(port)}=wrong` },
      { cookie: `pressdesk_token_1=${TOKEN}` },
    ]) {
      const reply = await send(port, {
        method: 'POST',
        path: '/api/app.info',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
      expect(reply.status).toBe(401);
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect((await send(port, { path: '/api/events' })).status).toBe(401);
  });

  it('trades the token in the address for a cookie, which then authorizes API calls', async () => {
    const port = await start();
    const visit = await send(port, { path: `/?token=${TOKEN}` });
    expect(visit.status).toBe(303);
    expect(visit.headers.location).toBe('/');
    const cookie = String(visit.headers['set-cookie']);
    expect(cookie).toContain(`${tokenCookieName(port)}=${TOKEN}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const reply = await send(port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { 'content-type': 'application/json', cookie: `${tokenCookieName(port)}=${TOKEN}` },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: true, value: { runtime: 'headless' } });
    expect((await send(port, { path: '/?token=wrong' })).status).toBe(401);
  });

  it('answers the same validation and envelope as IPC, and stays up after bad input', async () => {
    const port = await start();
    const created = await api(port, 'drafts.create', {
      kind: 'notice',
      title: '关于征集意见的公告',
    });
    expect(created.status).toBe(200);
    expect(created.json()).toMatchObject({
      ok: true,
      value: { title: '关于征集意见的公告', version: 1 },
    });

    const invalid = await api(port, 'drafts.create', { kind: 'tweet' });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const malformed = await api(port, 'drafts.create', '{"kind": "notice",');
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
    });

    const unknown = await api(port, 'drafts.destroyEverything', {});
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    const notJson = await api(port, 'app.info', 'kind=notice', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(notJson.status).toBe(415);

    const wrongVerb = await send(port, {
      path: '/api/app.info',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(wrongVerb.status).toBe(405);

    const huge = await api(
      port,
      'drafts.create',
      Buffer.alloc(MAX_BODY_BYTES + 10, 0x20).toString(),
    );
    expect(huge.status).toBe(413);

    expect((await api(port, 'drafts.list', {})).json()).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign origins', async () => {
    const port = await start();
    const rebinding = await send(port, { path: '/', headers: { host: `evil.example:${port}` } });
    expect(rebinding.status).toBe(421);
    const crossSite = await api(port, 'app.info', {}, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const sameSite = await api(port, 'app.info', {}, { origin: `http://127.0.0.1:${port}` });
    expect(sameSite.status).toBe(200);
  });

  it('serves the renderer with the CSP and nothing outside its folder', async () => {
    const port = await start();
    const index = await send(port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>PressDesk</title>');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(port, { path: '/assets/app.js' })).headers['content-type']).toMatch(
      /javascript/,
    );
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
      '/nothing-here.js',
    ]) {
      expect((await send(port, { path })).status, path).toBe(404);
    }
    expect(resolveStaticPath('/srv/ui', '/../../etc/passwd')).toBeUndefined();
    expect(resolveStaticPath('/srv/ui', '/a%00b')).toBeUndefined();
    expect(resolveStaticPath('/srv/ui', '/assets/x.js')).toBe('/srv/ui/assets/x.js');
  });

  it('streams contract events to an authorized client', async () => {
    const port = await start();
    const events: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/events',
          headers: { authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (chunk.includes(': connected')) void api(port, 'settings.set', { locale: 'en' });
            for (const line of chunk.split('\n'))
              if (line.startsWith('data: ')) events.push(line.slice(6));
            if (events.length > 0) {
              req.destroy();
              resolve();
            }
          });
        },
      );
      req.on('error', (e) => (events.length ? resolve() : reject(e)));
      req.end();
    });
    await done;
    expect(JSON.parse(events[0] ?? '')).toEqual({
      name: 'settings.changed',
      payload: { locale: 'en' },
    });
  });
});

describe('headless host: media', () => {
  const tempDir = useTempDirs();
  it('serves library images to the token holder only', async () => {
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PressDesk</title>');
    const app = createApp({ dataDir: tempDir(), runtime: 'headless', logger: memoryLogger() });
    const server = await startHeadlessServer({ app, staticDir, token: TOKEN, port: 0 });
    try {
      const imported = await app.call('media.import', {
        fileName: 'a.png',
        dataBase64: PNG_1x1.toString('base64'),
      });
      const hash = (imported as { value: { hash: string } }).value.hash;
      const ok = await send(server.port, {
        path: `/media/${hash}`,
        headers: { cookie: `${tokenCookieName(server.port)}=${TOKEN}` },
      });
      expect(ok.status).toBe(200);
      expect(ok.headers['content-type']).toBe('image/png');
      expect((await send(server.port, { path: `/media/${hash}` })).status).toBe(401);
      expect(
        (
          await send(server.port, {
            path: `/media/${'0'.repeat(64)}`,
            headers: { authorization: `Bearer ${TOKEN}` },
          })
        ).status,
      ).toBe(404);
    } finally {
      await server.close();
      app.close();
    }
  });
});
