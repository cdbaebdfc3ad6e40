import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeskProcess } from './deskProcess.ts';

/**
 * Starts one headless host for the run, on a free port and a fresh data folder, exactly as a
 * person would (`src/headless/cli.ts`), and hands its printed address to the tests through
 * DESK_URL. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pressdesk-e2e-'));
  const desk = await startDeskProcess(dataDir);
  process.env.DESK_URL = desk.url;
  return async () => {
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
