import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** Builds a Vite page quietly into outDir. */
export async function buildPage(root: string, outDir: string): Promise<void> {
  await build({
    root,
    base: './',
    logLevel: 'silent',
    configFile: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
}

/** Sum of the gzip sizes (level 9) of every HTML, JS and CSS file a build produced. */
export function gzipBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) total += gzipBytes(path);
    else if (/\.(html|js|mjs|css)$/.test(name))
      total += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  return total;
}

/**
 * The gzip size of what a first visit loads: index.html and the scripts and styles it names
 * (chunks loaded later, such as the editor, are not counted).
 */
export function initialGzipBytes(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  let total = gzipSync(html, { level: 9 }).length;
  for (const [, path] of html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)) {
    total += gzipSync(readFileSync(join(dir, path as string)), { level: 9 }).length;
  }
  return total;
}
