import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer: one build for both hosts. Electron loads it from out/renderer through its
 * app protocol; the headless host serves the same files over loopback HTTP.
 */
export const rendererConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
  },
} satisfies UserConfig;

export default defineConfig(rendererConfig);
