// `npm start`: the desktop app where Electron's binary is installed (and better-sqlite3 is
// built for it); otherwise it says so and serves the very same app headless on 127.0.0.1.
// Arguments after `--` go to the app (e.g. `npm start -- --data-dir ./my-desk --port 5200`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * Electron's binary path, or a sentence saying why there is none. Looked up from the files
 * its install step writes (path.txt, dist/), never by require('electron'): requiring it
 * starts a download when the binary is missing, and this must work offline.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { why: "Electron's binary is not installed" };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const path = join(dist, relative);
  return existsSync(path) ? { path } : { why: `Electron's binary is missing (${path})` };
}

/** The newest modification time under a folder (to rebuild the UI only when it changed). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function exec(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
const electronSqlite = join(root, '.electron-native', 'better_sqlite3.node');
if (electron.path && existsSync(electronSqlite)) {
  run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  exec(electron.path, [root, ...args]);
} else {
  const why = electron.path
    ? 'better-sqlite3 has not been built for Electron yet (run `npm run desktop:setup` on a machine with internet access)'
    : `${electron.why}; run \`npm run desktop:setup\` on a machine with internet access to get it`;
  process.stdout.write(
    `未找到可用的桌面外壳，改为无界面模式运行。No desktop shell: ${why}.\nServing PressDesk headless instead; open the address below in Chromium, Chrome, Edge or Firefox.\n\n`,
  );
  const ui = join(root, 'out/renderer/index.html');
  const sources = Math.max(newest(join(root, 'src/renderer')), newest(join(root, 'src/shared')));
  if (!existsSync(ui) || statSync(ui).mtimeMs < sources) {
    process.stdout.write('正在构建界面 / Building the UI…\n');
    run(process.execPath, [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.web.config.ts',
      '--logLevel',
      'warn',
    ]);
  }
  exec(process.execPath, [
    '--experimental-strip-types',
    '--no-warnings=ExperimentalWarning',
    join(root, 'src/headless/cli.ts'),
    ...args,
  ]);
}
