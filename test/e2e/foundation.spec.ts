import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deskUrl } from './deskUrl.ts';

const { url, origin } = deskUrl();

async function openDesk(page: Page) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: '稿件' })).toBeVisible();
}

test('a draft created in the UI is still there after a reload', async ({ page }) => {
  await openDesk(page);
  const title = `关于开展城市环境整治工作的通知 ${Date.now()}`;
  await page.getByRole('button', { name: '新建稿件' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('标题').fill(title);
  await dialog.getByRole('button', { name: '创建并打开' }).click();
  await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const draftUrl = page.url();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goto(`${origin}/#/drafts`);
  await expect(page.locator('main [data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  expect(draftUrl).toContain('#/drafts/');
});

test('malformed API input answers a clear error and the app stays up', async ({ page }) => {
  await openDesk(page);
  const replies = await page.evaluate(async () => {
    const post = async (method: string, body: string) => {
      const r = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      return {
        status: r.status,
        body: (await r.json()) as { ok: boolean; error?: { code: string; message: string } },
      };
    };
    return [
      await post('drafts.create', '{"kind": "tweet"}'),
      await post('drafts.create', '{"kind": '),
      await post('drafts.save', JSON.stringify({ id: 'x', baseVersion: 0 })),
      await post('no.such.method', '{}'),
    ];
  });
  expect(replies.map((r) => [r.status, r.body.ok, r.body.error?.code])).toEqual([
    [400, false, 'invalid_input'],
    [400, false, 'invalid_input'],
    [400, false, 'invalid_input'],
    [404, false, 'unknown_method'],
  ]);
  expect(replies[0]?.body.error?.message).toMatch(/kind/);
  expect(replies[1]?.body.error?.message).toBe('The request body is not valid JSON.');
  // Still serving, and the UI still works.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '稿件' })).toBeVisible();
  const info = await page.evaluate(async () =>
    (
      await fetch('/api/app.info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
    ).json(),
  );
  expect(info).toMatchObject({ ok: true, value: { runtime: 'headless' } });
});

test('a request without the token is refused, and the page says how to get in', async ({
  browser,
}) => {
  const stranger = await browser.newContext();
  try {
    const api = await stranger.request.post(`${origin}/api/drafts.list`, { data: {} });
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const page = await stranger.newPage();
    await page.goto(`${origin}/`);
    await expect(page.getByText('终端中打印的地址', { exact: false }).first()).toBeVisible();
  } finally {
    await stranger.close();
  }
});

test('the language choice is kept', async ({ page }) => {
  await openDesk(page);
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Drafts' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Drafts' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByText('简体中文', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '稿件' })).toBeVisible();
});

const PAGES = ['drafts', 'calendar', 'queue', 'history', 'channels', 'review', 'settings'] as const;

for (const name of PAGES) {
  test(`axe finds no serious or critical violation on ${name}`, async ({ page }) => {
    await openDesk(page);
    await page.goto(`${origin}/#/${name}`);
    await expect(page.locator('main h1')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      ),
    ).toEqual([]);
  });
}

test('pages that are not built yet say so plainly', async ({ page }) => {
  await openDesk(page);
  for (const name of ['history', 'review']) {
    await page.goto(`${origin}/#/${name}`);
    await expect(page.getByText('尚未开放', { exact: false }).first()).toBeVisible();
  }
});

test('screenshot of the Chinese shell', async ({ page }, testInfo) => {
  await openDesk(page);
  await expect(page.locator('main [data-ready="true"]')).toBeVisible();
  const path = testInfo.outputPath('shell-zh.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('shell-zh', { path, contentType: 'image/png' });
  await expect(page.getByRole('navigation')).toContainText('稿件');
  await expect(page.getByRole('navigation')).toContainText('发布历史');
});
