import { readFile, stat } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { isAppUrl } from './appOrigin.ts';
import { contentTypeOf } from './contentTypeOf.ts';
import { resolveRendererFile } from './resolveRendererFile.ts';

export type AppProtocolHandler = (request: Request) => Promise<Response>;

/** Finds a media-library image by its hash (DeskApp.media.fileOf), once the store is open. */
export type MediaLookup = (hash: string) => { path: string; mimeType: string } | undefined;

const MEDIA_PATH = /^\/media\/([0-9a-f]{64})$/;

/**
 * The handler of `protocol.handle('pressdesk', ...)`: serves the built renderer from
 * `rendererDir`, read-only, and the media library's images at /media/<sha-256>.
 *
 * Contract: every response, errors included, carries the CSP header (CONTENT_SECURITY_POLICY)
 * and nosniff; only GET and HEAD on host `app` are answered; a path that would leave
 * `rendererDir` gets 403 and nothing is read. Files are read with fs rather than net.fetch of
 * a file: URL so that no file: URL is ever built from request input.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  media: MediaLookup = () => undefined,
): AppProtocolHandler {
  return async (request) => {
    if (!isAppUrl(request.url)) return answer(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(405, 'Method not allowed', { allow: 'GET, HEAD' });
    }
    const pathname = new URL(request.url).pathname;
    const mediaHash = MEDIA_PATH.exec(pathname)?.[1];
    if (mediaHash !== undefined) {
      const image = media(mediaHash);
      if (!image) return answer(404, 'No such image in the library');
      try {
        const bytes = new Uint8Array(await readFile(image.path));
        return new Response(request.method === 'HEAD' ? null : bytes, {
          status: 200,
          headers: headers({
            'content-type': image.mimeType,
            'cache-control': 'max-age=31536000, immutable',
          }),
        });
      } catch {
        return answer(404, 'No such image in the library');
      }
    }
    const file = resolveRendererFile(rendererDir, pathname);
    if (file.kind === 'refused') return answer(403, 'Forbidden');

    let body: Uint8Array;
    try {
      if (!(await stat(file.path)).isFile()) return answer(404, 'Not found');
      body = new Uint8Array(await readFile(file.path));
    } catch {
      return answer(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: headers({
        'content-type': contentTypeOf(file.path),
        // Hashed asset names change with their content; index.html must always be fresh.
        'cache-control': file.path.endsWith('.html') ? 'no-store' : 'max-age=31536000, immutable',
      }),
    });
  };
}

function answer(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: headers({ 'content-type': 'text/plain; charset=utf-8', ...extra }),
  });
}

function headers(extra: Record<string, string>): Headers {
  return new Headers({
    ...extra,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
}
