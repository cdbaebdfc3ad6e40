// `npm start`: the desktop app where Electron's binary is installed (and better-sqlite3 is
// built for it); otherwise it says so and serves the very same app headless on 127.0.0.1.
// Arguments after `--` go to the app (e.g. `npm start -- --data-dir ./my-desk --port 5200`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

/** Electron's binary path, or a sentence saying why there is none. */
function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path as a string
    return typeof path === 'string' && existsSync(path)
      ? { path }
      : { why: "Electron's binary is not installed" };
  } catch (error) {
    return { why: `Electron's binary is not installed (${String(error.message).split('\n')[0]})` };
  }
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
