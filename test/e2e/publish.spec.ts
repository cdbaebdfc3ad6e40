import { expect, test } from '@playwright/test';
import { solidPng } from '../fixtures/images.ts';
import { deskUrl } from './deskUrl.ts';

test('a release published from the draft page reaches every sandbox channel, each with its link', async ({
  page,
}, testInfo) => {
  const { url, origin } = deskUrl();
  await page.goto(url);
  await page.getByRole('button', { name: '新建稿件' }).click();
  const title = `区政府召开防汛工作会议 ${Date.now().toString(36)}`;
  await page.getByRole('dialog').getByLabel('标题').fill(title);
  await page.getByRole('dialog').getByRole('button', { name: '创建并打开' }).click();
  await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);
  await page.locator('input[type="file"][aria-label="封面图: 选择封面图"]').setInputFiles({
    name: '封面.png',
    mimeType: 'image/png',
    buffer: solidPng(90, 50),
  });
  await expect(page.getByRole('img', { name: '封面图预览' })).toBeVisible();
  const editor = page.getByRole('textbox', { name: '稿件正文' });
  await editor.click();
  await page.keyboard.type('会议部署了今年的防汛工作，要求各街道落实责任。');
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });

  await page.getByRole('button', { name: '发布…' }).click();
  const dialog = page.getByRole('dialog', { name: '发布或定时发布' });
  for (const name of [
    '沙箱 · 政府门户网站',
    '沙箱 · 微信公众号',
    '沙箱 · 微博',
    '沙箱 · Mastodon',
    '沙箱 · 区客户端',
  ]) {
    await dialog.getByRole('checkbox', { name }).check();
  }
  await dialog.getByRole('button', { name: '发布到 5 个账号' }).click();
  await expect(dialog).toBeHidden();

  // The draft page shows where it went, live: five publications, all published with a link.
  const where = page.getByTestId('release-publications');
  await expect(where.locator('li[data-state]')).toHaveCount(5);
  await expect(where.locator('li[data-state="published"]')).toHaveCount(5, { timeout: 60_000 });
  await expect(where.getByRole('link', { name: /^在.+上打开$/ })).toHaveCount(5);
  const path = testInfo.outputPath('published-zh.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('published-zh', { path, contentType: 'image/png' });

  // Retract everywhere: through the APIs where the channels allow it; Weibo (an ordinary app)
  // asks a person, who confirms once it is done; everything is on record.
  await page.getByRole('button', { name: '全部撤回…' }).click();
  const ask = page.getByRole('dialog', { name: '从所有渠道撤回这篇稿件' });
  await ask.getByLabel('原因（记录在案）').fill('数据有误，重新核实后再发');
  await ask.getByRole('button', { name: '全部撤回…' }).click();
  await expect(ask).toBeHidden({ timeout: 30_000 });
  const manual = page.locator('[data-change-outcome="manual"]');
  if ((await manual.count()) > 0) {
    await expect(manual.first()).toContainText('微博');
    await manual.first().getByRole('button', { name: '我已处理' }).click();
  }
  await expect(where.locator('li[data-state="retracted"]')).toHaveCount(5, { timeout: 20_000 });
  await expect(page.getByText('数据有误，重新核实后再发', { exact: false }).first()).toBeVisible();
  const retracted = testInfo.outputPath('retracted-zh.png');
  await page.screenshot({ path: retracted, fullPage: true });
  await testInfo.attach('retracted-zh', { path: retracted, contentType: 'image/png' });

  // The queue's Done tab lists them too.
  await page.goto(`${origin}/#/queue`);
  await page.getByRole('tab', { name: '已完成' }).click();
  await expect(
    page.locator('main [data-ready="true"]').getByRole('link', { name: title }).first(),
  ).toBeVisible();
});
