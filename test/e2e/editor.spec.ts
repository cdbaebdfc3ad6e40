import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { solidPng } from '../fixtures/images.ts';
import { startDeskProcess } from './deskProcess.ts';
import { deskUrl } from './deskUrl.ts';

const WORD_HTML = readFileSync(
  new URL('../unit/renderer/editor/fixtures/word2016-release.html', import.meta.url),
  'utf8',
);

/** Pastes HTML into the focused editor as Word puts it on the clipboard. */
async function pasteHtml(page: Page, html: string, text: string) {
  await page.evaluate(
    ([h, t]) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', t);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    [html, text] as const,
  );
}

async function storedDraft(page: Page, id: string) {
  return page.evaluate(async (draftId) => {
    const r = await fetch('/api/drafts.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: draftId }),
    });
    return (await r.json()) as {
      ok: boolean;
      value: { title: string; version: number; body: unknown };
    };
  }, id);
}

async function waitSaved(page: Page) {
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });
}

test('a press officer writes a release, pastes from Word, reopens the app, finds it with a two-character search and restores a revision', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'pressdesk-e2e-editor-'));
  let desk = await startDeskProcess(dataDir);
  try {
    let context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    let page = await context.newPage();
    await page.goto(desk.url);

    // A new press release.
    await page.getByRole('button', { name: '新建稿件' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill('区政府召开新闻发布会通报政务公开工作进展');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() as string;

    // A heading, a paragraph, a numbered list.
    const editor = page.getByRole('textbox', { name: '稿件正文' });
    await editor.click();
    await page.keyboard.press('Control+Alt+1');
    await page.keyboard.type('防汛准备工作');
    await page.keyboard.press('Enter');
    await page.keyboard.type('全区各部门落实防汛责任制。');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^编号列表/ }).click();
    await page.keyboard.type('检查排水设施');
    await page.keyboard.press('Enter');
    await page.keyboard.type('储备防汛物资');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    // A statistics table, 2 × 2, header row first.
    await page.getByRole('button', { name: /^插入表格/ }).click();
    const tableDialog = page.getByRole('dialog', { name: '插入表格' });
    await tableDialog.getByLabel('行数').fill('2');
    await tableDialog.getByLabel('列数').fill('2');
    await tableDialog.getByRole('button', { name: '插入' }).click();
    await page.keyboard.type('渠道');
    await page.keyboard.press('Tab');
    await page.keyboard.type('条数');
    await page.keyboard.press('Tab');
    await page.keyboard.type('政府网站');
    await page.keyboard.press('Tab');
    await page.keyboard.type('7760');

    // An image, with its alternative text.
    await editor.locator('p').first().click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^插入图片/ }).click();
    await (
      await chooser
    ).setFiles({ name: '发布会现场.png', mimeType: 'image/png', buffer: solidPng(40, 30) });
    const imageDialog = page.getByRole('dialog', { name: '插入图片' });
    await imageDialog.getByLabel('替代文字').fill('新闻发布会现场');
    await imageDialog.getByRole('button', { name: '插入' }).click();
    await expect(editor.getByRole('img', { name: /新闻发布会现场/ })).toBeVisible();

    await waitSaved(page);
    await page.getByRole('button', { name: '保存版本' }).click();
    await expect(page.getByText(/已保存为版本 \d+/)).toBeVisible();

    // Paste a fragment from Word at the end.
    await editor.locator('p').last().click();
    await page.keyboard.press('Control+End');
    await pasteHtml(page, WORD_HTML, '区政府召开2016年政务公开工作推进会');
    await expect(editor).toContainText('完善政府信息主动公开目录');
    await waitSaved(page);

    const saved = await storedDraft(page, id);
    expect(saved.ok).toBe(true);
    const body = JSON.stringify(saved.value.body);
    for (const part of [
      '"heading"',
      '"tag":"h1"',
      '防汛准备工作',
      '"listType":"number"',
      '"table"',
      '"tablecell"',
      '7760',
      '"image"',
      '新闻发布会现场',
      '每季度更新一次',
      '4月底前完成自查',
      '"listType":"bullet"',
    ]) {
      expect(body, part).toContain(part);
    }
    for (const junk of ['mso-', 'MsoNormal', 'o:p', 'style=', 'javascript:'])
      expect(body).not.toContain(junk);
    await context.close();

    // Close the app and open it again.
    await desk.stop();
    desk = await startDeskProcess(dataDir);
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await page.goto(desk.url);

    // Find it with a two-character word from its body.
    const search = page.getByRole('searchbox', { name: '搜索' });
    await search.fill('防汛');
    await search.press('Enter');
    await expect(page.locator('main [data-ready="true"]')).toBeVisible();
    const row = page.getByRole('link', { name: '区政府召开新闻发布会通报政务公开工作进展' });
    await expect(row).toBeVisible();
    await expect(page.locator('.pd-snippet').first()).toContainText('防汛');
    await row.click();
    await expect(page.getByRole('textbox', { name: '稿件正文' })).toContainText(
      '完善政府信息主动公开目录',
    );

    // Restore the revision saved before the paste.
    await page.getByRole('button', { name: '历史版本' }).click();
    const drawer = page.getByRole('dialog', { name: '历史版本' });
    const manual = drawer.locator('.ant-list-item', { hasText: '手动保存' }).first();
    await manual.getByRole('button', { name: '比较' }).click();
    await expect(drawer.getByTestId('revision-diff')).toContainText('完善政府信息主动公开目录');
    await manual.getByRole('button', { name: /^恢复版本/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复' }).click();
    await expect(page.getByText(/已恢复版本 \d+/)).toBeVisible();
    const restoredEditor = page.getByRole('textbox', { name: '稿件正文' });
    await expect(restoredEditor).toContainText('防汛准备工作');
    await expect(restoredEditor).not.toContainText('完善政府信息主动公开目录');
    const after = await storedDraft(page, id);
    expect(JSON.stringify(after.value.body)).not.toContain('每季度更新一次');
    expect(JSON.stringify(after.value.body)).toContain('防汛准备工作');
    await context.close();
  } finally {
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('Chinese typed through an input method is kept and saved once', async ({ page }) => {
  const { url } = deskUrl();
  await page.goto(url);
  await page.getByRole('button', { name: '新建稿件' }).click();
  await page.getByRole('dialog').getByLabel('标题').fill('输入法测试');
  await page.getByRole('dialog').getByRole('button', { name: '创建并打开' }).click();
  await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop() as string;
  const editor = page.getByRole('textbox', { name: '稿件正文' });
  await editor.click();

  // What a pinyin IME does: composition updates, then the committed text.
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['z', 'zheng', 'zhengwu', '政务']) {
    await cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  }
  await cdp.send('Input.insertText', { text: '政务' });
  for (const text of ['g', 'gongkai', '公开']) {
    await cdp.send('Input.imeSetComposition', {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  }
  await cdp.send('Input.insertText', { text: '公开' });
  await expect(editor).toHaveText('政务公开');
  await waitSaved(page);
  const saved = await storedDraft(page, id);
  const text = JSON.stringify(saved.value.body);
  expect(text).toContain('政务公开');
  expect(text).not.toContain('zheng');
  expect(text.match(/政务/g)?.length).toBe(1);
});

test('axe finds no serious or critical violation in the writing view, for every kind', async ({
  page,
}) => {
  const { url } = deskUrl();
  await page.goto(url);
  for (const kind of ['press_release', 'policy_interpretation', 'consultation'] as const) {
    const id = await page.evaluate(async (k) => {
      const r = await fetch('/api/drafts.create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: k, title: '无障碍检查' }),
      });
      return ((await r.json()) as { value: { id: string } }).value.id;
    }, kind);
    await page.goto(`${new URL(url).origin}/#/drafts/${id}`);
    await expect(page.getByRole('textbox', { name: '稿件正文' })).toBeVisible();
    // Wait for the previews and the checks: they are part of the writing view.
    await expect(page.getByTestId('channel-previews')).toBeVisible();
    await expect(page.getByTestId('findings')).toBeVisible();
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map(
        (v) => `${kind} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      ),
    ).toEqual([]);
  }
  await page.getByRole('button', { name: '历史版本' }).click();
  await expect(page.getByRole('dialog', { name: '历史版本' })).toBeVisible();
  const drawer = await new AxeBuilder({ page }).analyze();
  expect(
    drawer.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);
});
