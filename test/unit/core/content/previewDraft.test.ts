import { describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../../../src/core/app.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import { memoryLogger } from '../../../../src/core/log/logger.ts';
import { PREVIEW_MEDIA_BASE, type DraftPreview } from '../../../../src/shared/content/preview.ts';
import { PNG_1x1 } from '../../../fixtures/images.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

async function value<T>(app: DeskApp, method: string, input: unknown): Promise<T> {
  const r = await app.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('drafts.preview', () => {
  const tempDir = useTempDirs();

  it('renders the saved draft for all five channels and runs the checks over it', async () => {
    const app = createApp({
      dataDir: tempDir(),
      runtime: 'headless',
      clock: manualClock('2026-11-27T01:00:00Z'),
      logger: memoryLogger(),
    });
    const image = await value<{ hash: string }>(app, 'media.import', {
      fileName: 'a.png',
      dataBase64: PNG_1x1.toString('base64'),
    });
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h1', children: [{ type: 'text', text: '工作情况' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '台湾总统发表讲话。' },
              { type: 'image', mediaHash: image.hash, altText: '现场' },
            ],
          },
        ],
      },
    };
    const draft = await value<{ id: string; version: number }>(app, 'drafts.create', {
      kind: 'press_release',
      title: '区政府召开新闻发布会',
      body,
    });
    const preview = await value<DraftPreview>(app, 'drafts.preview', { id: draft.id });
    expect(preview.version).toBe(1);
    expect(preview.portal.html).toContain('<h2>一、工作情况</h2>');
    expect(preview.portal.html).toContain(`src="${PREVIEW_MEDIA_BASE}${image.hash}"`);
    expect(preview.wechat.html).toContain('style=');
    expect(preview.wechat.digest).toBe('工作情况 台湾总统发表讲话。[现场]');
    expect(preview.weibo.text).toContain('【区政府召开新闻发布会】');
    expect(preview.weibo.fits).toBe(true);
    expect(preview.mastodon.fits).toBe(true);
    expect(preview.feed.item).toMatchObject({ id: draft.id, title: '区政府召开新闻发布会' });
    const blocked = preview.findings.filter((f) => f.severity === 'block');
    expect(blocked.map((f) => [f.checkId, f.location])).toContainEqual([
      'expression',
      { kind: 'body', blockIndex: 1, start: 0, end: 4 },
    ]);
    expect(blocked.find((f) => f.checkId === 'expression')?.suggestion).toBe('台湾地区领导人');

    const fixed = {
      root: {
        ...body.root,
        children: [
          body.root.children[0],
          { type: 'paragraph', children: [{ type: 'text', text: '台湾地区领导人发表讲话。' }] },
        ],
      },
    };
    await value(app, 'drafts.save', { id: draft.id, baseVersion: 1, body: fixed });
    const after = await value<DraftPreview>(app, 'drafts.preview', { id: draft.id });
    expect(after.findings.filter((f) => f.checkId === 'expression')).toEqual([]);
    app.close();
  });

  it('uses what the editor tailored per channel, and checks it like the rest', async () => {
    const app = createApp({ dataDir: tempDir(), runtime: 'headless', logger: memoryLogger() });
    const body = {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', text: '正文。' }] }],
      },
    };
    const draft = await value<{ id: string }>(app, 'drafts.create', {
      kind: 'press_release',
      title: '区政府召开新闻发布会',
      body,
    });
    await value(app, 'drafts.save', {
      id: draft.id,
      baseVersion: 1,
      meta: {
        kind: 'press_release',
        channels: {
          wechat: { title: '发布会｜营商环境新举措', digest: '一图读懂', author: '区新闻办' },
          weibo: { text: '#通州发布# 台湾总统 今天发布会要点' },
          mastodon: { text: 'Press conference today.', hashtags: false },
          appfeed: { title: '发布会速览', summary: '三项新举措' },
        },
      },
    });
    const preview = await value<DraftPreview>(app, 'drafts.preview', { id: draft.id });
    expect(preview.wechat).toMatchObject({
      title: '发布会｜营商环境新举措',
      digest: '一图读懂',
      author: '区新闻办',
    });
    expect(preview.weibo.text).toBe('#通州发布# 台湾总统 今天发布会要点');
    expect(preview.mastodon.text).toBe('Press conference today.');
    expect(preview.feed.item).toMatchObject({ title: '发布会速览', summary: '三项新举措' });
    expect(preview.findings.find((f) => f.checkId === 'expression')?.location).toEqual({
      kind: 'field',
      field: 'channels.weibo.text',
      start: 7,
      end: 11,
    });
    app.close();
  });

  it('answers not_found and invalid_input like every method', async () => {
    const app = createApp({ dataDir: tempDir(), runtime: 'headless', logger: memoryLogger() });
    expect(
      await app.call('drafts.preview', { id: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await app.call('drafts.preview', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    app.close();
  });
});
