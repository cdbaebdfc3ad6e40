import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { solidPng } from '../fixtures/images.ts';
import { startDeskProcess } from './deskProcess.ts';

interface Publication {
  id: string;
  channel: string;
  state: string;
  remoteUrl: string | null;
  publishedAt: string | null;
  attemptLog?: { action: string; outcome: string }[];
}

const api = async <T>(page: Page, method: string, input: unknown): Promise<T> =>
  page.evaluate(
    async ([m, body]) => {
      const reply = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const envelope = (await reply.json()) as {
        ok: boolean;
        value?: unknown;
        error?: { message: string };
      };
      if (!envelope.ok) throw new Error(`${m}: ${envelope.error?.message ?? '?'}`);
      return envelope.value;
    },
    [method, input] as const,
  ) as Promise<T>;

/**
 * The outbox's promise, end to end: the network goes away; a release is published to four
 * channels; the app is restarted; the network returns; each channel receives it exactly once.
 * A scheduled post fires at its time; WeChat goes through "publishing" to "published" with its
 * article URL recorded.
 */
test('offline, restart, back online: each channel receives the release exactly once', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'pressdesk-e2e-outbox-'));
  let desk = await startDeskProcess(dataDir);
  try {
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1, name: '稿件' })).toBeVisible();

    // The network goes away (the sandbox's training switch, on the Channels page).
    await page.goto(`${desk.origin}/#/channels`);
    await page.getByRole('switch', { name: '模拟断网' }).click();
    await expect(page.getByRole('switch', { name: '模拟断网' })).toBeChecked();

    // A release, published to four channels while offline.
    await page.goto(`${desk.origin}/#/drafts`);
    await page.getByRole('button', { name: '新建稿件' }).click();
    await page.getByRole('dialog').getByLabel('标题').fill('区政府召开防汛工作会议');
    await page.getByRole('dialog').getByRole('button', { name: '创建并打开' }).click();
    await page.waitForURL(/#\/drafts\/[0-9a-f-]{36}$/);
    const releaseId = page.url().split('/').pop() ?? '';
    await page.locator('input[type="file"][aria-label="封面图: 选择封面图"]').setInputFiles({
      name: '封面.png',
      mimeType: 'image/png',
      buffer: solidPng(90, 50),
    });
    await page.getByRole('textbox', { name: '稿件正文' }).click();
    await page.keyboard.type('会议部署了今年的防汛工作。');
    await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: '发布…' }).click();
    const dialog = page.getByRole('dialog', { name: '发布或定时发布' });
    for (const name of [
      '沙箱 · 政府门户网站',
      '沙箱 · 微信公众号',
      '沙箱 · 微博',
      '沙箱 · Mastodon',
    ]) {
      await dialog.getByRole('checkbox', { name }).check();
    }
    await dialog.getByRole('button', { name: '发布到 4 个账号' }).click();
    await expect(dialog).toBeHidden();

    // Offline: the queue says so, and nothing goes out.
    await page.goto(`${desk.origin}/#/queue`);
    await expect(page.getByText('网络不通：发布已暂停', { exact: false })).toBeVisible();
    await page.waitForTimeout(2_000);
    let list = await api<Publication[]>(page, 'publish.list', { releaseId });
    expect(list.map((p) => p.state).sort()).toEqual(['queued', 'queued', 'queued', 'queued']);

    // The app is closed and opened again; still offline, still waiting.
    await desk.stop();
    desk = await startDeskProcess(dataDir);
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1, name: '稿件' })).toBeVisible();
    list = await api<Publication[]>(page, 'publish.list', { releaseId });
    expect(list.map((p) => p.state).sort()).toEqual(['queued', 'queued', 'queued', 'queued']);

    // A post scheduled a few seconds ahead, to the app feed: it fires at its time.
    const accounts = await api<{ items: { id: string; name: string }[] }>(
      page,
      'accounts.list',
      {},
    );
    const appfeed = accounts.items.find((a) => a.name === '沙箱 · 区客户端');
    const due = new Date(Date.now() + 8_000);

    // The network returns.
    await page.goto(`${desk.origin}/#/channels`);
    await page.getByRole('switch', { name: '模拟断网' }).click();
    await expect(page.getByRole('switch', { name: '模拟断网' })).not.toBeChecked();
    const [scheduled] = await api<Publication[]>(page, 'publish.enqueue', {
      releaseId,
      items: [{ accountId: appfeed?.id, scheduledAt: due.toISOString() }],
    });
    expect(scheduled?.state).toBe('scheduled');

    await expect
      .poll(
        async () =>
          (await api<Publication[]>(page, 'publish.list', { releaseId }))
            .map((p) => p.state)
            .filter((s) => s === 'published').length,
        { timeout: 90_000, intervals: [500] },
      )
      .toBe(5);

    // Exactly once per channel: what the sandbox channels received since the restart.
    const received = await api<{
      channels: { channel: string; records: { method: string; path: string; status: number }[] }[];
    }>(page, 'sandbox.received', {});
    const creates = (channel: string, path: RegExp) =>
      received.channels
        .find((c) => c.channel === channel)
        ?.records.filter(
          (r) => r.method === 'POST' && path.test(r.path) && (r.status === 200 || r.status === 201),
        ).length;
    expect(creates('portal', /\/wp\/v2\/posts$/)).toBe(1);
    expect(creates('wechat', /\/cgi-bin\/freepublish\/submit$/)).toBe(1);
    expect(creates('weibo', /\/2\/statuses\/share\.json$/)).toBe(1);
    expect(creates('mastodon', /\/api\/v1\/statuses$/)).toBe(1);

    // The scheduled one went out at its time, not before.
    const feed = await api<Publication>(page, 'publish.get', { id: scheduled?.id });
    expect(new Date(feed.publishedAt ?? 0).getTime()).toBeGreaterThanOrEqual(due.getTime());

    // WeChat: accepted ("publishing"), then published, with the article URL.
    list = await api<Publication[]>(page, 'publish.list', { releaseId });
    const wechatId = list.find((p) => p.channel === 'wechat')?.id;
    const wechat = await api<Publication>(page, 'publish.get', { id: wechatId });
    expect(wechat.attemptLog?.map((a) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining(['publish:pending', 'status:published']),
    );
    expect(wechat.remoteUrl).toMatch(/^https?:\/\//);
  } finally {
    await desk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
