import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../src/main/createAppProtocolHandler.ts';
import { registerAppScheme } from '../../../src/main/registerAppScheme.ts';
import { resolveRendererFile } from '../../../src/main/resolveRendererFile.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp.ts';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

describe('registerAppScheme', () => {
  it('registers pressdesk as standard, secure and fetch-capable, without bypassing CSP', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([
      [
        {
          scheme: 'pressdesk',
          privileges: { standard: true, secure: true, supportFetchAPI: true },
        },
      ],
    ]);
  });
});

describe('createAppProtocolHandler', () => {
  let root: string;
  let rendererDir: string;
  let handler: ReturnType<typeof createAppProtocolHandler>;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pressdesk-protocol-'));
    rendererDir = join(root, 'out', 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>PressDesk</title>');
    writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), SECRET);
    writeFileSync(join(root, 'out', 'secret.txt'), SECRET);
    handler = createAppProtocolHandler(rendererDir);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const get = (url: string, init?: RequestInit) => handler(new Request(url, init));

  it('serves index.html at / and by name, with the CSP header and no caching', async () => {
    for (const url of ['pressdesk://app/', 'pressdesk://app/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toContain('<title>PressDesk</title>');
    }
  });

  it('serves assets with their type and the CSP header', async () => {
    const response = await get('pressdesk://app/assets/index-abc.js?v=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('refuses encoded path traversal with 403 (and the CSP header), reading nothing outside', async () => {
    for (const path of [
      '/..%2fsecret.txt',
      '/..%2f..%2fsecret.txt',
      '/assets/..%2f..%2f..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5c..%5csecret.txt',
      '/index.html%00.js',
    ]) {
      const response = await get(`pressdesk://app${path}`);
      expect(response.status, path).toBe(403);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain(SECRET);
    }
  });

  it('keeps literal ../ inside the renderer folder (the URL parser resolves it first)', async () => {
    const response = await get('pressdesk://app/../../secret.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 404 for missing files and folders, and for other hosts of the scheme', async () => {
    for (const url of [
      'pressdesk://app/missing.js',
      'pressdesk://app/assets',
      'pressdesk://app/assets/',
      'pressdesk://other/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers 405 to anything but GET and HEAD; HEAD has no body', async () => {
    const post = await get('pressdesk://app/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const head = await get('pressdesk://app/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('resolveRendererFile', () => {
  it('maps URL paths into the root and refuses anything that would leave it', () => {
    const root = join(tmpdir(), 'renderer-root');
    expect(resolveRendererFile(root, '/')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
    });
    expect(resolveRendererFile(root, '/assets/a%20b.js')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'a b.js'),
    });
    expect(resolveRendererFile(root, '/../x')).toEqual({ kind: 'refused', reason: 'traversal' });
    expect(resolveRendererFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toEqual({
      kind: 'refused',
      reason: 'traversal',
    });
    expect(resolveRendererFile(root, '/a%5c..%5c..%5cx')).toEqual({
      kind: 'refused',
      reason: 'forbidden_character',
    });
    expect(resolveRendererFile(root, '/%E0%A4%A')).toEqual({
      kind: 'refused',
      reason: 'undecodable',
    });
  });
});

describe('createAppProtocolHandler: media library', () => {
  it('serves a library image by its hash, and nothing for unknown or malformed hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressdesk-protocol-media-'));
    try {
      const image = join(dir, 'img.png');
      writeFileSync(image, 'PNGBYTES');
      const hash = 'ab'.repeat(32);
      const handler = createAppProtocolHandler(dir, (h) =>
        h === hash ? { path: image, mimeType: 'image/png' } : undefined,
      );
      const found = await handler(new Request(`pressdesk://app/media/${hash}`));
      expect(found.status).toBe(200);
      expect(found.headers.get('content-type')).toBe('image/png');
      expect(found.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await found.text()).toBe('PNGBYTES');
      expect((await handler(new Request(`pressdesk://app/media/${'cd'.repeat(32)}`))).status).toBe(
        404,
      );
      expect(
        (await handler(new Request('pressdesk://app/media/..%2f..%2fsecret'))).status,
      ).not.toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
