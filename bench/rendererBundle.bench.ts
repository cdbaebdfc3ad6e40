// The renderer's bundle (gzip), against the smallest React page built the same way in the same run.
import { join } from 'node:path';
import { rendererConfig } from '../vite.web.config.ts';
import { buildPage, gzipBytes, initialGzipBytes } from './buildSizes.ts';
import { report } from './harness.ts';

export async function benchRendererBundle(
  workDir: string,
): Promise<{ appDir: string; bareDir: string }> {
  const appDir = join(workDir, 'app');
  const bareDir = join(workDir, 'bare');
  await buildPage(rendererConfig.root, appDir);
  await buildPage(join(import.meta.dirname, 'baselines/bare-react'), bareDir);
  report({
    name: 'renderer bundle, gzip (HTML + JS + CSS)',
    value: gzipBytes(appDir) / 1024,
    unit: 'KiB',
    baseline: { name: 'a bare React page', value: gzipBytes(bareDir) / 1024 },
    better: 'lower',
  });
  report({
    name: 'renderer, loaded at start, gzip (index.html and what it names; the editor loads when a draft opens)',
    value: initialGzipBytes(appDir) / 1024,
    unit: 'KiB',
    baseline: { name: 'a bare React page', value: initialGzipBytes(bareDir) / 1024 },
    better: 'lower',
  });
  return { appDir, bareDir };
}
