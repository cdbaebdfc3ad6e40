import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A headless desk of the test's own, on a data folder it chooses, started and stopped the way a
 * person starts and quits the app (for "close the app and open it again").
 */
export interface DeskProcess {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

export async function startDeskProcess(dataDir: string): Promise<DeskProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings=ExperimentalWarning',
      'src/headless/cli.ts',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--sandbox-channels',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The desk did not start in 20 s:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The desk exited (${code}):\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
