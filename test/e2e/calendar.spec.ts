import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { zonedDate, zonedTimeToUtc } from '../../src/shared/time/officeTime.ts';
import { solidPng } from '../fixtures/images.ts';
import { deskUrl } from './deskUrl.ts';

// The computer is in New York; the office (the desk's default) in Shanghai: the calendar must
// show and move times as the office reads them, whatever the browser's zone.
test.use({ timezoneId: 'America/New_York' });

interface Publication {
  id: string;
  channel: string;
  state: string;
  scheduledAt: string | null;
}

async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ method, input }) => {
      const r = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await r.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { method, input },
  );
  if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** A release with a body and a cover, made in the UI as a press officer makes it; its id. */
async function createRelease(page: Page, title: string): Promise<string> {
  await page.getByRole('button', { name: '新建稿件' }).click();
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
  await page.keyboard.type('会议要求各街道落实森林防火责任，加强巡查，严防火灾发生。');
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });
  return new URL(page.url()).hash.split('/').pop() ?? '';
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Pages the calendar forward until it shows `date` (at most twice: a week or a month on). */
async function showDate(page: Page, date: string, next: string) {
  const grid = page.locator('main [data-ready="true"]');
  for (let i = 0; i < 2; i++) {
    if ((await grid.locator(`td[data-date="${date}"]`).count()) > 0) return;
    await page.getByRole('button', { name: next }).click();
  }
  await expect(grid.locator(`td[data-date="${date}"]`).first()).toBeVisible();
}

/** Ant Design hides the radio inputs: a person clicks the button's label. */
async function viewSwitch(page: Page, name: '周' | '月') {
  await page.getByRole('radiogroup', { name: '日历视图' }).getByText(name, { exact: true }).click();
}

function slot(page: Page, date: string, hour?: number): Locator {
  const hourPart = hour === undefined ? '' : `[data-hour="${hour}"]`;
  return page.locator(`main td[data-date="${date}"]${hourPart}`);
}

/**
 * Drags an item by its time to near the top of a cell, with both on screen first: Chromium
 * picks the dragged element where the button went down, in viewport coordinates, so the page
 * must not scroll between pressing and moving.
 */
async function drag(item: Locator, cell: Locator) {
  await cell.scrollIntoViewIfNeeded();
  await item.dragTo(cell, { sourcePosition: { x: 12, y: 10 }, targetPosition: { x: 24, y: 24 } });
}

/** Types a date and time into the Reschedule dialog's picker, as a keyboard user does. */
async function pickTime(dialog: Locator, value: string) {
  const input = dialog.getByLabel('新的发布时间');
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

async function scheduledAtOf(page: Page, id: string): Promise<string | null> {
  return (await api<Publication>(page, 'publish.get', { id })).scheduledAt;
}

test('scheduled publications sit on their office day and hour, and move by drag or by the Reschedule dialog', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { url, origin } = deskUrl();
  await page.goto(url);
  const settings = await api<{ timeZone: string }>(page, 'settings.get', {});
  const zone = settings.timeZone;
  expect(zone).toBe('Asia/Shanghai');

  const title = `全区秋季森林防火工作部署会召开 ${Date.now().toString(36)}`;
  const releaseId = await createRelease(page, title);

  // Scheduled through the API for two days ahead, 09:30 office time, to Weibo and Mastodon.
  const accounts = await api<{ items: { id: string; name: string }[] }>(page, 'accounts.list', {});
  const accountId = (name: string) => {
    const account = accounts.items.find((a) => a.name === name);
    if (!account) throw new Error(`No account ${name}`);
    return account.id;
  };
  const today = zonedDate(new Date(), zone);
  const day = addDays(today, 2);
  const at0930 = (date: string) => zonedTimeToUtc(date, '09:30', zone).toISOString();
  const created = await api<Publication[]>(page, 'publish.enqueue', {
    releaseId,
    items: [
      { accountId: accountId('沙箱 · 微博'), scheduledAt: at0930(day) },
      { accountId: accountId('沙箱 · Mastodon'), scheduledAt: at0930(day) },
    ],
  });
  expect(created.map((p) => p.state)).toEqual(['scheduled', 'scheduled']);
  const weibo = created.find((p) => p.channel === 'weibo');
  const mastodon = created.find((p) => p.channel === 'mastodon');
  if (!weibo || !mastodon) throw new Error('Both publications should have been created.');

  // The week view shows them on that day, in the 09:00 row, as the office reads the time.
  await page.goto(`${origin}/#/calendar`);
  await expect(page.getByRole('heading', { level: 1, name: '日历' })).toBeVisible();
  await expect(page.locator('main [data-ready="true"]')).toBeVisible();
  await showDate(page, day, '下一周');
  const weiboItem = page.locator(`[data-publication-id="${weibo.id}"]`);
  const mastodonItem = page.locator(`[data-publication-id="${mastodon.id}"]`);
  await expect(slot(page, day, 9).locator(`[data-publication-id="${weibo.id}"]`)).toBeVisible();
  await expect(slot(page, day, 9).locator(`[data-publication-id="${mastodon.id}"]`)).toBeVisible();
  await expect(weiboItem).toContainText('09:30');
  await expect(weiboItem).toContainText('沙箱 · 微博');
  await expect(weiboItem).toContainText('定时');
  await expect(weiboItem.getByText('沙箱', { exact: true })).toBeVisible();
  await expect(weiboItem.getByRole('link', { name: title })).toHaveAttribute(
    'href',
    `#/drafts/${releaseId}`,
  );

  // Drag Weibo to another day of the same week, same hour row: 09:30 that day.
  const other =
    (await slot(page, addDays(day, 1), 9).count()) > 0 ? addDays(day, 1) : addDays(day, -1);
  await drag(weiboItem, slot(page, other, 9));
  await expect(slot(page, other, 9).locator(`[data-publication-id="${weibo.id}"]`)).toBeVisible();
  await expect(page.getByText('已改期到', { exact: false }).first()).toBeVisible();
  await expect.poll(() => scheduledAtOf(page, weibo.id)).toBe(at0930(other));
  await expect(weiboItem).toContainText('09:30');

  // Reschedule Mastodon from the keyboard's way in: the dialog, to 14:30 office time that day.
  await mastodonItem.getByRole('button', { name: /^改期：/ }).click();
  const dialog = page.getByRole('dialog', { name: '修改发布时间' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`现定于 ${day.replaceAll('-', '/')} 09:30`);
  await expect(dialog).toContainText('Asia/Shanghai');
  await pickTime(dialog, `${other} 14:30`);
  const a11yWithDialog = await new AxeBuilder({ page }).analyze();
  await dialog.getByRole('button', { name: '改期', exact: true }).click();
  await expect(dialog).toBeHidden();
  const at1430 = zonedTimeToUtc(other, '14:30', zone).toISOString();
  await expect.poll(() => scheduledAtOf(page, mastodon.id)).toBe(at1430);
  await expect(
    slot(page, other, 14).locator(`[data-publication-id="${mastodon.id}"]`),
  ).toBeVisible();
  await expect(mastodonItem).toContainText('14:30');

  const weekShot = testInfo.outputPath('calendar-week-zh.png');
  await page.screenshot({ path: weekShot, fullPage: true });
  await testInfo.attach('calendar-week-zh', { path: weekShot, contentType: 'image/png' });

  // The month view: drag Weibo back to the first day; it keeps its 09:30.
  await viewSwitch(page, '月');
  await expect(page.locator('main table[data-view="month"]')).toBeVisible();
  await showDate(page, other, '下个月');
  await showDate(page, day, '下个月');
  await expect(slot(page, other).locator(`[data-publication-id="${weibo.id}"]`)).toBeVisible();
  await drag(weiboItem, slot(page, day));
  await expect(slot(page, day).locator(`[data-publication-id="${weibo.id}"]`)).toBeVisible();
  await expect.poll(() => scheduledAtOf(page, weibo.id)).toBe(at0930(day));

  const monthShot = testInfo.outputPath('calendar-month-zh.png');
  await page.screenshot({ path: monthShot, fullPage: true });
  await testInfo.attach('calendar-month-zh', { path: monthShot, contentType: 'image/png' });

  // Accessible with publications on it, in both views and with the dialog open.
  const month = await new AxeBuilder({ page }).analyze();
  await viewSwitch(page, '周');
  await expect(page.locator('main table[data-view="week"]')).toBeVisible();
  const week = await new AxeBuilder({ page }).analyze();
  const serious = [a11yWithDialog, month, week].flatMap((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  );
  expect(serious).toEqual([]);
});

test('a publication that may not move any more is refused by the host, and the page says so', async ({
  page,
}) => {
  const { url, origin } = deskUrl();
  await page.goto(url);
  const zone = (await api<{ timeZone: string }>(page, 'settings.get', {})).timeZone;
  const releaseId = await createRelease(page, `改期被拒绝的示例 ${Date.now().toString(36)}`);
  const accounts = await api<{ items: { id: string; name: string }[] }>(page, 'accounts.list', {});
  const weiboId = accounts.items.find((a) => a.name === '沙箱 · 微博')?.id ?? '';
  const day = addDays(zonedDate(new Date(), zone), 2);
  const [publication] = await api<Publication[]>(page, 'publish.enqueue', {
    releaseId,
    items: [{ accountId: weiboId, scheduledAt: zonedTimeToUtc(day, '10:15', zone).toISOString() }],
  });
  if (!publication) throw new Error('The publication should have been created.');

  await page.goto(`${origin}/#/calendar`);
  await expect(page.locator('main [data-ready="true"]')).toBeVisible();
  await showDate(page, day, '下一周');
  const item = page.locator(`[data-publication-id="${publication.id}"]`);
  await expect(
    slot(page, day, 10).locator(`[data-publication-id="${publication.id}"]`),
  ).toBeVisible();
  await item.getByRole('button', { name: /^改期：/ }).click();
  const dialog = page.getByRole('dialog', { name: '修改发布时间' });
  await expect(dialog).toBeVisible();
  // The time as it is: nothing to change yet.
  await expect(dialog.getByRole('button', { name: '改期', exact: true })).toBeDisabled();
  await pickTime(dialog, `${day} 10:45`);

  // Meanwhile someone cancels it elsewhere: the host refuses the move, and the dialog says why.
  await api(page, 'publish.resolve', { id: publication.id, resolution: { kind: 'cancel' } });
  await dialog.getByRole('button', { name: '改期', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('没有改期');
  await expect(alert).toContainText('cannot be rescheduled');
  await dialog.getByRole('button', { name: '取消' }).click();
  // Cancelled publications leave the calendar (live, through publication.changed).
  await expect(item).toHaveCount(0);
});
