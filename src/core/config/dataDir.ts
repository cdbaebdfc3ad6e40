import { resolve } from 'node:path';

/**
 * Where the desk keeps its data: `--data-dir <path>` (or `--data-dir=<path>`) on the command
 * line, else the DESK_DATA_DIR environment variable, else the host's default (Electron's
 * userData folder; ./.data for the headless host).
 */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  fallback: string,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1] as string);
    if (arg.startsWith('--data-dir=')) return resolve(arg.slice('--data-dir='.length));
  }
  if (env.DESK_DATA_DIR) return resolve(env.DESK_DATA_DIR);
  return resolve(fallback);
}
