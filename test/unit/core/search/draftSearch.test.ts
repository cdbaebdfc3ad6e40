import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../../../src/core/app.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import { memoryLogger } from '../../../../src/core/log/logger.ts';
import { bigramText, parseSearchQuery } from '../../../../src/core/search/searchQuery.ts';
import { doc } from '../../../fixtures/documents.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

const SAMPLE = readFileSync(
  new URL('../../../../../shared/samples/tongzhou-disclosure-report-2016.txt', import.meta.url),
  'utf8',
);

type List = { total: number; items: { title: string; snippet?: string; kind: string }[] };

describe('searching drafts in Chinese', () => {
  const tempDir = useTempDirs();
  async function seeded(): Promise<DeskApp> {
    const clock = manualClock('2026-11-27T01:00:00Z');
    const app = createApp({
      dataDir: tempDir(),
      runtime: 'headless',
      clock,
      logger: memoryLogger(),
    });
    const create = async (kind: string, title: string, ...paragraphs: string[]) => {
      clock.advance(1000);
      const r = await app.call('drafts.create', { kind, title, body: doc(...paragraphs) });
      if (!r.ok) throw new Error(r.error.message);
    };
    await create(
      'press_release',
      '2016年政府信息公开工作年度报告',
      ...SAMPLE.split('\n')
        .filter((l) => l.trim())
        .slice(0, 40),
    );
    await create('notice', '关于春节期间停水的通知', '自来水公司将于2月1日检修管网。');
    await create(
      'press_release',
      '区政府召开新闻发布会',
      '发布会上，区长介绍了营商环境建设情况。WeChat 与 Weibo 同步直播。',
    );
    await create(
      'consultation',
      '征求意见稿',
      '欢迎社会各界提出意见，反馈邮箱 xwb@example.gov.cn。',
    );
    return app;
  }
  const search = async (app: DeskApp, query: string, extra: object = {}) => {
    const r = await app.call('drafts.list', { query, ...extra });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as List;
  };

  it('finds a two-character word although trigrams need three', async () => {
    const app = await seeded();
    const result = await search(app, '公开');
    expect(result.items.map((i) => i.title)).toEqual(['2016年政府信息公开工作年度报告']);
    // The pasted report body is in traditional characters (公開), as real pastes are.
    const inBody = await search(app, '公開');
    expect(inBody.items.map((i) => i.title)).toEqual(['2016年政府信息公开工作年度报告']);
    expect(inBody.items[0]?.snippet).toContain('公開');
    expect((await search(app, '停水')).items.map((i) => i.title)).toEqual([
      '关于春节期间停水的通知',
    ]);
    app.close();
  });

  it('finds one character, longer phrases, Latin words, and combines terms with AND', async () => {
    const app = await seeded();
    expect((await search(app, '区')).items.map((i) => i.title)).toEqual(['区政府召开新闻发布会']);
    expect((await search(app, '水')).items.map((i) => i.title)).toEqual([
      '关于春节期间停水的通知',
      '2016年政府信息公开工作年度报告',
    ]);
    expect((await search(app, '的')).total).toBeGreaterThanOrEqual(2);
    expect((await search(app, '营商环境建设')).items.map((i) => i.title)).toEqual([
      '区政府召开新闻发布会',
    ]);
    expect((await search(app, 'weibo')).items.map((i) => i.title)).toEqual([
      '区政府召开新闻发布会',
    ]);
    expect((await search(app, '发布会 直播')).items.map((i) => i.title)).toEqual([
      '区政府召开新闻发布会',
    ]);
    expect((await search(app, '发布会 停水')).total).toBe(0);
    expect((await search(app, '意见', { kind: 'consultation' })).total).toBe(1);
    expect((await search(app, '意见', { kind: 'notice' })).total).toBe(0);
    app.close();
  });

  it('treats FTS syntax in a query as text, never as an expression', async () => {
    const app = await seeded();
    for (const query of [
      '"',
      'a OR b',
      'NEAR(x y)',
      '* ^',
      'title:公开',
      "'); DROP TABLE drafts; --",
    ]) {
      const r = await app.call('drafts.list', { query });
      expect(r.ok, query).toBe(true);
    }
    expect((await search(app, '')).total).toBe(4);
    app.close();
  });

  it('finds a draft by its new text after a save, and no longer by the old', async () => {
    const app = await seeded();
    const target = (await search(app, '停水')).items[0] as unknown as {
      id: string;
      version: number;
    };
    const r = await app.call('drafts.save', {
      id: target.id,
      baseVersion: target.version,
      title: '关于春节期间停电的通知',
      body: doc('供电公司检修线路。'),
    });
    expect(r.ok).toBe(true);
    expect((await search(app, '停水')).total).toBe(0);
    expect((await search(app, '停电')).total).toBe(1);
    expect((await search(app, '供电公司')).total).toBe(1);
    app.close();
  });

  it('builds bigrams from Han runs only', () => {
    expect(bigramText('政务公开 WeChat 区').trim().split(/\s+/)).toEqual([
      '政务',
      '务公',
      '公开',
      '开',
      'WeChat',
      '区',
    ]);
    expect(parseSearchQuery('公开 政务公开 区').map((t) => t.index)).toEqual([
      'bigram',
      'trigram',
      'bigram',
    ]);
  });
});
