// Time from navigation to the first usable screen of the headless app in Chromium (the
// navigation and the drafts list, loaded from the API), against the bare React page's time
// to its first render, served by the same host in the same run. Median of RUNS cold loads.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { createApp } from '../src/core/app.ts';
import { memoryLogger } from '../src/core/log/logger.ts';
import { startHeadlessServer } from '../src/headless/headlessServer.ts';
import { median, report } from './harness.ts';

const RUNS = 7;
/** The app's first usable screen: the navigation, and the drafts list done loading. */
const APP_READY = 'nav a, nav [role="menuitem"]';
const APP_LIST_READY = 'main [data-ready="true"]';
const BARE_READY = '[data-ready="true"]';

async function timeLoads(
  browser: Browser,
  staticDir: string,
  readySelectors: readonly string[],
): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pressdesk-bench-ui-'));
  const app = createApp({ dataDir, runtime: 'headless', logger: memoryLogger() });
  const server = await startHeadlessServer({ app, staticDir, token: 'bench-token', port: 0 });
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      // Trade the token for the cookie first, so each timed load is one navigation.
      const page = await context.newPage();
      await page.goto(server.url);
      await context.clearCookies();
      await context.close();
      const timed = await browser.newContext({ locale: 'zh-CN' });
      await timed.addCookies([
        {
          name: `pressdesk_token_${server.port}`,
          value: 'bench-token',
          url: `http://127.0.0.1:${server.port}`,
        },
      ]);
      const p = await timed.newPage();
      const started = performance.now();
      await p.goto(`http://127.0.0.1:${server.port}/`);
      for (const selector of readySelectors)
        await p.waitForSelector(selector, { state: 'visible', timeout: 30_000 });
      times.push(performance.now() - started);
      await timed.close();
    }
  } finally {
    await server.close();
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return median(times);
}

export async function benchFirstScreen(builds: { appDir: string; bareDir: string }): Promise<void> {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const bare = await timeLoads(browser, builds.bareDir, [BARE_READY]);
    const app = await timeLoads(browser, builds.appDir, [APP_READY, APP_LIST_READY]);
    report({
      name: `headless app: navigation to first usable screen in Chromium (median of ${RUNS})`,
      value: app,
      unit: 'ms',
      baseline: { name: 'a bare React page from the same host', value: bare },
      better: 'lower',
    });
  } finally {
    await browser.close();
  }
}
