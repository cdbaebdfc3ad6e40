// `npm run desktop:setup`: makes the desktop shell runnable on a machine with internet access.
//  1. downloads Electron's binary (the install step does not, so `npm ci` never depends on it);
//  2. builds better-sqlite3 for Electron's ABI into .electron-native/, beside the Node build
//     that tests and the headless host use (DESIGN.md, "One native module, two runtimes"),
//     so `npm start` and `npm test` both keep working, in either order.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

function run(command, args, cwd = root, env = process.env) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stderr.write(`\nFailed: ${command} ${args.join(' ')}\n`);
    process.exit(result.status ?? 1);
  }
}

process.stdout.write(`Downloading Electron ${electronVersion}…\n`);
run(process.execPath, [join(root, 'node_modules/electron/install.js')], root, {
  ...process.env,
  ELECTRON_SKIP_BINARY_DOWNLOAD: '',
});

const nodeGyp = process.env.npm_execpath
  ? join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  : undefined;
if (!nodeGyp || !existsSync(nodeGyp)) {
  process.stderr.write(
    'Run this through npm (`npm run desktop:setup`): it uses the node-gyp that ships with npm.\n',
  );
  process.exit(1);
}

process.stdout.write(`Building better-sqlite3 for Electron ${electronVersion}…\n`);
const work = mkdtempSync(join(tmpdir(), 'pressdesk-electron-sqlite-'));
try {
  cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
  rmSync(join(work, 'build'), { recursive: true, force: true });
  run(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    work,
    {
      ...process.env,
      npm_config_nodedir: '',
    },
  );
  mkdirSync(join(root, '.electron-native'), { recursive: true });
  cpSync(
    join(work, 'build/Release/better_sqlite3.node'),
    join(root, '.electron-native/better_sqlite3.node'),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write('Done. `npm start` now opens the desktop app.\n');
