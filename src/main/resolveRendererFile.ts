import { isAbsolute, relative, resolve, sep } from 'node:path';

export type RendererFile =
  | { kind: 'file'; path: string }
  | { kind: 'refused'; reason: 'undecodable' | 'forbidden_character' | 'traversal' };

/**
 * Maps the path of a `pressdesk://app/...` URL to a file inside `root`, or refuses it.
 *
 * Contract: the answer is a path strictly inside `root`, or `refused`. The URL parser has
 * already resolved literal `../`, so any `..` segment still present after decoding was
 * smuggled in encoded (`..%2f`, `%2e%2e`) and is refused outright, as are NUL and backslashes
 * (a path separator on Windows). A containment check on the resolved path backs this up.
 */
export function resolveRendererFile(root: string, urlPath: string): RendererFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused', reason: 'undecodable' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { kind: 'refused', reason: 'forbidden_character' };
  }
  if (decoded.split('/').includes('..')) return { kind: 'refused', reason: 'traversal' };

  const inside = decoded.replace(/^\/+/, '') || 'index.html';
  const base = resolve(root);
  const path = resolve(base, inside);
  const rel = relative(base, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return { kind: 'refused', reason: 'traversal' };
  }
  return { kind: 'file', path };
}
