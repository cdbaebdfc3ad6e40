// The headless host's command line: `npm run headless -- [--data-dir DIR] [--port N] [--static-dir DIR]`.
// Prints the address to open (with this run's access token) and serves until interrupted.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../core/app.ts';
import { defaultDataDir } from '../core/config/defaultDataDir.ts';
import { resolveDataDir } from '../core/config/dataDir.ts';
import { StoreOpenError } from '../core/store/storeError.ts';
import { sandboxRequested } from '../core/config/sandboxOption.ts';
import { startSandboxChannels } from '../core/channels/sandbox/sandboxChannels.ts';
import { CHANNEL_IDS, CHANNEL_NAMES } from '../shared/content/channelId.ts';
import { startNetworkProbe } from '../core/network/networkProbe.ts';
import { newAccessToken } from './accessToken.ts';
import { startHeadlessServer } from './headlessServer.ts';

/** The port a person gets by default, so the address stays the same from day to day. */
export const DEFAULT_PORT = 5193;

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Pads to a width in terminal columns (a CJK character takes two). */
function padToWidth(text: string, width: number): string {
  const used = Array.from(text).reduce(
    (n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1),
    0,
  );
  return text + ' '.repeat(Math.max(0, width - used));
}

async function main(argv: readonly string[]): Promise<void> {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const dataDir = resolveDataDir(argv, process.env, defaultDataDir());
  const staticDir = resolve(option(argv, '--static-dir') ?? join(repoRoot, 'out/renderer'));
  const portArg = option(argv, '--port') ?? process.env.DESK_PORT;
  const port = portArg === undefined ? DEFAULT_PORT : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port must be a number from 0 to 65535 (0 picks a free port); got "${portArg}".`,
    );
  }

  const sandbox = sandboxRequested(argv, process.env)
    ? await startSandboxChannels({ dataDir })
    : undefined;
  let app;
  try {
    app = createApp({ dataDir, runtime: 'headless', sandbox });
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
  // Headless, the network signal is a DNS probe of the real accounts' hosts.
  const stopProbe = startNetworkProbe({ status: app.network, hosts: () => app.probeHosts() });
  const token = newAccessToken();
  let server;
  try {
    server = await startHeadlessServer({ app, staticDir, token, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || portArg !== undefined)
      throw error;
    process.stdout.write(
      `端口 ${port} 已被占用，改用一个空闲端口。Port ${port} is in use; using a free one.\n`,
    );
    server = await startHeadlessServer({ app, staticDir, token, port: 0 });
  }

  process.stdout.write(
    [
      'PressDesk 融媒体发布台 — 无界面模式 (headless)',
      `  在浏览器中打开 / Open in a browser:  ${server.url}`,
      `  数据目录 / Data folder:             ${dataDir}`,
      '  仅本机可访问；地址中的令牌即访问凭据，请勿外传。 Loopback only; the token in the address is the key: keep it private.',
      ...(sandbox
        ? [
            '  沙箱渠道（仅本机，供试用和培训，不会发到公开账号）/ Sandbox channels (this computer only, never public accounts):',
            ...CHANNEL_IDS.map(
              (c) => `    ${padToWidth(CHANNEL_NAMES[c].zh, 14)} ${sandbox.channels[c].url}`,
            ),
          ]
        : []),
      '  按 Ctrl+C 停止 / Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info('headless.stopping', { signal });
    stopProbe();
    void server.close().then(async () => {
      await app.shutdown();
      await sandbox?.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof StoreOpenError) {
    process.stderr.write(`PressDesk 无法打开数据 / cannot open its data:\n  ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `PressDesk headless failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
