import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { contentTypeOf } from '../shared/contentType.ts';

/**
 * Maps a URL path to a file inside `root`, or undefined when the path would leave it
 * (../, encoded separators, NUL) or cannot be decoded.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) ? full : undefined;
}

/** Streams a built renderer file. Answers true when it served one. */
export async function serveStatic(
  root: string,
  urlPath: string,
  method: string,
  res: ServerResponse,
): Promise<boolean> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return false;
  const type = contentTypeOf(path);
  // Hashed asset names change with their content; index.html must always be fresh.
  return serveFile(path, type, method, res, !path.endsWith('.html'));
}

/** Streams one file with its type; `immutable` for content-addressed files. False when absent. */
export async function serveFile(
  path: string,
  type: string,
  method: string,
  res: ServerResponse,
  immutable: boolean,
): Promise<boolean> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    size = info.size;
  } catch {
    return false;
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': immutable ? 'private, max-age=31536000, immutable' : 'no-store',
  });
  if (method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    createReadStream(path)
      .on('error', () => res.destroy())
      .on('close', resolve)
      .pipe(res);
  });
  return true;
}
