import { expect, test } from '@playwright/test';
import { solidPng } from '../fixtures/images.ts';
import { deskUrl } from './deskUrl.ts';

test('one draft, five previews; a blocked expression is marked in the editor, corrected, and the block lifted', async ({
  page,
}) => {
  const { url } = deskUrl();
  await page.goto(url);
  await page.getByRole('button', { name: '新建稿件' }).click();
  await page.getByRole('dialog').getByLabel('标题').fill('区领导会见台湾地区参访团');
  await page.getByRole('dialog').getByRole('button', { name: '创建并打开' }).click();
  await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);

  // A cover image, which WeChat requires: then the expression is the only thing that blocks.
  await page.locator('input[type="file"][aria-label="封面图: 选择封面图"]').setInputFiles({
    name: '封面.png',
    mimeType: 'image/png',
    buffer: solidPng(90, 50),
  });
  await expect(page.getByRole('img', { name: '封面图预览' })).toBeVisible();

  const editor = page.getByRole('textbox', { name: '稿件正文' });
  await editor.click();
  await page.keyboard.type('参访团转达了台湾总统的问候。');
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });

  // The blocking finding, with the correct expression, and its mark in the editor.
  const findings = page.getByTestId('findings');
  const expression = findings.locator('[data-check-id="expression"][data-severity="block"]');
  await expect(expression).toContainText('台湾地区领导人');
  await expect(findings).toHaveAttribute('data-blocking', '1');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get(
            'pd-finding-error',
          )?.size ?? 0,
      ),
    )
    .toBeGreaterThan(0);

  // Five previews.
  const previews = page.getByTestId('channel-previews');
  await expect(
    previews.getByRole('region', { name: '政府网站' }).or(previews.locator('.pd-portal-preview')),
  ).toContainText('参访团转达了');
  await previews.getByRole('tab', { name: '微信公众号' }).click();
  await expect(previews.locator('.pd-phone')).toContainText('参访团转达了');
  await previews.getByRole('tab', { name: '微博' }).click();
  await expect(page.getByTestId('weibo-text')).toContainText('【区领导会见台湾地区参访团】');
  await expect(previews.getByTestId('length-meter').first()).toContainText('/ 140');
  await previews.getByRole('tab', { name: 'Mastodon' }).click();
  await expect(page.getByTestId('mastodon-text')).toContainText('区领导会见台湾地区参访团');
  await expect(previews.getByTestId('length-meter').last()).toContainText('/ 500');
  await previews.getByRole('tab', { name: '客户端' }).click();
  await expect(page.getByTestId('feed-card')).toContainText('区领导会见台湾地区参访团');

  // Correct the expression: the block is lifted and the mark goes away.
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('参访团转达了台湾地区领导人的问候。');
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });
  await expect(expression).toHaveCount(0);
  await expect(findings).toHaveAttribute('data-blocking', '0');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get(
            'pd-finding-error',
          )?.size ?? 0,
      ),
    )
    .toBe(0);
});

test("an office's own expression, added in Settings, is checked in drafts at once", async ({
  page,
}) => {
  const { url, origin } = deskUrl();
  await page.goto(url);
  await page.goto(`${origin}/#/settings`);
  await page.getByRole('button', { name: '添加词条' }).click();
  const row = page.locator('tr', { has: page.getByRole('textbox', { name: '词语' }) }).last();
  await row.getByRole('textbox', { name: '词语' }).fill('网上办事大厅');
  await row.getByRole('textbox', { name: '规范表述' }).fill('政务服务网');
  await row.getByRole('combobox', { name: '处理方式' }).click();
  await page.locator('.ant-select-item-option', { hasText: '必须修改' }).click();
  await page.getByRole('button', { name: '保存词表' }).click();
  await expect(page.getByText('词表已保存，检查立即生效')).toBeVisible();

  const id = await page.evaluate(async () => {
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: '请登录网上办事大厅办理。' }] },
        ],
      },
    };
    const r = await fetch('/api/drafts.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'notice', title: '办事指南', body }),
    });
    return ((await r.json()) as { value: { id: string } }).value.id;
  });
  await page.goto(`${origin}/#/drafts/${id}`);
  const finding = page
    .getByTestId('findings')
    .locator('[data-check-id="expression"][data-severity="block"]');
  await expect(finding).toContainText('政务服务网');
});

test('an editor tailors the Weibo text and the WeChat digest; the previews and counts follow', async ({
  page,
}) => {
  const { url } = deskUrl();
  await page.goto(url);
  await page.getByRole('button', { name: '新建稿件' }).click();
  await page.getByRole('dialog').getByLabel('标题').fill('区政府召开优化营商环境新闻发布会');
  await page.getByRole('dialog').getByRole('button', { name: '创建并打开' }).click();
  await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);
  const previews = page.getByTestId('channel-previews');

  await previews.getByRole('tab', { name: '微博' }).click();
  await previews.getByLabel('自定义微博文字').fill('#通州发布# 优化营商环境十条新举措发布');
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('weibo-text')).toHaveText('#通州发布# 优化营商环境十条新举措发布');
  await expect(previews.getByTestId('length-meter').first()).toContainText('/ 140');

  await previews.getByRole('tab', { name: '微信公众号' }).click();
  await previews.getByLabel('微信摘要').fill('一图读懂十条新举措');
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });
  await expect(previews.getByText('一图读懂十条新举措', { exact: true }).first()).toBeVisible();

  // Kept with the draft: a reload shows the same tailored texts.
  await page.reload();
  await page.getByTestId('channel-previews').getByRole('tab', { name: '微博' }).click();
  await expect(page.getByTestId('weibo-text')).toHaveText('#通州发布# 优化营商环境十条新举措发布');
});

test('personal data must be confirmed; once confirmed it is only noted', async ({ page }) => {
  const { url } = deskUrl();
  await page.goto(url);
  await page.getByRole('button', { name: '新建稿件' }).click();
  await page.getByRole('dialog').getByLabel('标题').fill('咨询电话公告');
  await page.getByRole('dialog').getByRole('button', { name: '创建并打开' }).click();
  await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);
  await page.getByRole('textbox', { name: '稿件正文' }).click();
  await page.keyboard.type('咨询电话：13912345678。');
  const findings = page.getByTestId('findings');
  const mobile = findings.locator('[data-check-id="personal-data.mobile"]');
  await expect(mobile).toHaveAttribute('data-severity', 'confirm', { timeout: 10_000 });
  await mobile.getByRole('button', { name: '确认可以公开' }).click();
  await expect(mobile).toHaveAttribute('data-severity', 'warn', { timeout: 10_000 });
  await expect(mobile).toContainText('已确认可以公开');
  await page.reload();
  await expect(
    page.getByTestId('findings').locator('[data-check-id="personal-data.mobile"]'),
  ).toHaveAttribute('data-severity', 'warn');
});

test('a channel gets its own cover and tags: the WeChat cover lifts its block, the app card shows its tags', async ({
  page,
}) => {
  const { url } = deskUrl();
  await page.goto(url);
  await page.getByRole('button', { name: '新建稿件' }).click();
  await page.getByRole('dialog').getByLabel('标题').fill('区政府召开防汛工作会议');
  await page.getByRole('dialog').getByRole('button', { name: '创建并打开' }).click();
  await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);
  const editor = page.getByRole('textbox', { name: '稿件正文' });
  await editor.click();
  await page.keyboard.type('会议部署了今年的防汛工作。');
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });

  const findings = page.getByTestId('findings');
  const coverMissing = findings.locator('[data-check-id="channel.cover-missing"]');
  await expect(coverMissing).toHaveCount(1);

  const previews = page.getByTestId('channel-previews');
  await previews.getByRole('tab', { name: '微信公众号' }).click();
  await page.locator('input[type="file"][aria-label="微信封面图: 选择封面图"]').setInputFiles({
    name: '微信封面.png',
    mimeType: 'image/png',
    buffer: solidPng(90, 50, [200, 30, 30]),
  });
  await expect(page.getByRole('img', { name: '微信封面图预览' })).toBeVisible();
  await expect(coverMissing).toHaveCount(0, { timeout: 10_000 });

  await previews.getByRole('tab', { name: '客户端' }).click();
  const tags = previews.getByRole('tabpanel').getByRole('combobox', { name: '本渠道标签' });
  await tags.fill('防汛');
  await tags.press('Enter');
  await tags.fill('通州');
  await tags.press('Enter');
  await expect(page.getByTestId('feed-card')).toContainText('通州', { timeout: 10_000 });
});
