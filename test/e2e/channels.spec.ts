import { expect, test, type Page } from '@playwright/test';
import { deskUrl } from './deskUrl.ts';

const { url, origin } = deskUrl();

async function openChannels(page: Page) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: '稿件' })).toBeVisible();
  await page.goto(`${origin}/#/channels`);
  await expect(page.getByRole('heading', { level: 1, name: '渠道账号' })).toBeVisible();
}

const SANDBOX_ACCOUNTS = [
  '沙箱 · 政府门户网站',
  '沙箱 · 微信公众号',
  '沙箱 · 微博',
  '沙箱 · Mastodon',
  '沙箱 · 区客户端',
];

test('a sandbox account per channel passes "test connection" from the UI', async ({
  page,
}, testInfo) => {
  await openChannels(page);
  await expect(
    page.getByText('标有“沙箱”的账号连接本机的模拟渠道', { exact: false }),
  ).toBeVisible();
  for (const name of SANDBOX_ACCOUNTS) {
    const item = page.getByRole('listitem', { name });
    await expect(item.getByText('沙箱', { exact: true })).toBeVisible();
    await item.getByRole('button', { name: '测试连接' }).click();
    await expect(item.getByRole('status')).toContainText('连接正常', { timeout: 20_000 });
  }
  const path = testInfo.outputPath('channels-zh.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('channels-zh', { path, contentType: 'image/png' });

  // What the sandbox received: the connection tests' requests, channel by channel.
  await page.getByRole('button', { name: '沙箱收到的内容' }).click();
  const drawer = page.getByRole('dialog', { name: '沙箱渠道收到的请求（本次启动）' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('/cgi-bin/stable_token', { exact: false }).first()).toBeVisible();
});

test('an account with a wrong secret is told what to do; secrets are never shown again', async ({
  page,
}) => {
  await openChannels(page);
  // The WeChat sandbox's address and AppID, as a person would copy them from the page.
  const sandboxItem = page.getByRole('listitem', { name: '沙箱 · 微信公众号' });
  const [appId = '', wechatUrl = ''] = (
    (await sandboxItem.locator('.ant-list-item-meta-description').textContent()) ?? ''
  ).split(' · ');
  expect(appId).toMatch(/^wx/);
  const name = `区政务公众号 ${Date.now()}`;
  const wechatCard = page
    .locator('.ant-card')
    .filter({ has: page.getByRole('heading', { name: '微信公众号' }) });
  await wechatCard.getByRole('button', { name: '添加账号' }).click();
  const dialog = page.getByRole('dialog', { name: '添加微信公众号账号' });
  await dialog.getByLabel('账号名称').fill(name);
  await dialog.getByLabel('AppID（开发者ID）').fill('wx-not-an-appid');
  await dialog.getByLabel('AppSecret（开发者密码）').fill('wrong-secret-value');
  await dialog.getByLabel('接口地址').fill(wechatUrl);
  await dialog.getByRole('button', { name: '保存' }).click();
  // The host refuses a malformed AppID and says so under the field.
  await expect(
    dialog.locator('.ant-form-item-explain-error', {
      hasText: 'An AppID starts with wx and has 18 characters.',
    }),
  ).toBeVisible();
  await dialog.getByLabel('AppID（开发者ID）').fill(appId);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const item = page.getByRole('listitem', { name });
  await item.getByRole('button', { name: '测试连接' }).click();
  const alert = item.getByRole('alert');
  await expect(alert).toContainText('连接失败', { timeout: 20_000 });
  await expect(alert).toContainText('AppSecret');
  await expect(page.locator('body')).not.toContainText('wrong-secret-value');

  await item.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: `编辑账号“${name}”` });
  await expect(edit.getByLabel('AppSecret（开发者密码）')).toHaveValue('');
  await expect(edit.getByLabel('AppSecret（开发者密码）')).toHaveAttribute(
    'placeholder',
    '已设置（留空则不变）',
  );
  await edit.getByRole('button', { name: '取消' }).click();

  await item.getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '删除' }).last().click();
  await expect(page.getByRole('listitem', { name })).toHaveCount(0);
});
