import { describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../../../src/core/app.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import { CHECKPOINT_AFTER_MS } from '../../../../src/core/drafts/draftsRepository.ts';
import { memoryLogger } from '../../../../src/core/log/logger.ts';
import { openDatabase } from '../../../../src/core/store/openDatabase.ts';
import { doc } from '../../../fixtures/documents.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

async function value<T = Record<string, unknown>>(
  app: DeskApp,
  method: string,
  input: unknown,
): Promise<T> {
  const envelope = await app.call(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

describe('revisions', () => {
  const tempDir = useTempDirs();
  function open() {
    const clock = manualClock('2026-11-27T01:00:00Z');
    const dataDir = tempDir();
    const app = createApp({ dataDir, runtime: 'headless', clock, logger: memoryLogger() });
    return { app, clock, dataDir };
  }
  type Summary = { version: number; id: string };
  type Rev = {
    number: number;
    reason: string;
    author: string;
    createdAt: string;
    restoredFrom: number | null;
    title: string;
  };

  it('records the created draft, then one revision per editing session, not per autosave', async () => {
    const { app, clock } = open();
    await value(app, 'settings.set', { personName: '王芳' });
    const draft = await value<Summary>(app, 'drafts.create', {
      kind: 'press_release',
      title: '初稿',
    });
    let version = draft.version;
    for (let i = 0; i < 10; i++) {
      clock.advance(1000);
      version = (
        await value<Summary>(app, 'drafts.save', {
          id: draft.id,
          baseVersion: version,
          body: doc(`第${i}稿`),
        })
      ).version;
    }
    expect(
      (await value<Rev[]>(app, 'drafts.revisions', { id: draft.id })).map((r) => r.reason),
    ).toEqual(['created']);

    clock.advance(CHECKPOINT_AFTER_MS);
    await value<Summary>(app, 'drafts.save', {
      id: draft.id,
      baseVersion: version,
      body: doc('新一轮修改'),
    });
    const revisions = await value<Rev[]>(app, 'drafts.revisions', { id: draft.id });
    expect(revisions.map((r) => [r.number, r.reason, r.author])).toEqual([
      [2, 'checkpoint', '王芳'],
      [1, 'created', '王芳'],
    ]);
    // The checkpoint holds the state at the end of the first session, stamped with its time.
    expect(revisions[0]?.createdAt).toBe('2026-11-27T01:00:10.000Z');
    const second = await value<{ body: unknown }>(app, 'drafts.revision', {
      id: draft.id,
      number: 2,
    });
    expect(JSON.stringify(second.body)).toContain('第9稿');
    app.close();
  });

  it('starts a new revision when another person edits', async () => {
    const { app, clock } = open();
    await value(app, 'settings.set', { personName: '王芳' });
    const draft = await value<Summary>(app, 'drafts.create', { kind: 'notice', title: '通知' });
    const v2 = await value<Summary>(app, 'drafts.save', {
      id: draft.id,
      baseVersion: 1,
      title: '关于停水的通知',
    });
    await value(app, 'settings.set', { personName: '李强' });
    clock.advance(1000);
    await value(app, 'drafts.save', {
      id: draft.id,
      baseVersion: v2.version,
      title: '关于临时停水的通知',
    });
    const checkpoint = await value<Rev>(app, 'drafts.checkpoint', { id: draft.id });
    const revisions = await value<Rev[]>(app, 'drafts.revisions', { id: draft.id });
    expect(revisions.map((r) => [r.reason, r.author, r.title])).toEqual([
      ['manual', '李强', '关于临时停水的通知'],
      ['checkpoint', '王芳', '关于停水的通知'],
      ['created', '王芳', '通知'],
    ]);
    expect(checkpoint.number).toBe(3);
    // A second checkpoint with nothing new writes nothing.
    expect((await value<Rev>(app, 'drafts.checkpoint', { id: draft.id })).number).toBe(3);
    app.close();
  });

  it('compares two revisions, or a revision with the working copy', async () => {
    const { app, clock } = open();
    const draft = await value<Summary>(app, 'drafts.create', {
      kind: 'press_release',
      title: '区政府召开发布会',
      body: doc('第一段', '第二段'),
    });
    clock.advance(1000);
    await value(app, 'drafts.save', {
      id: draft.id,
      baseVersion: 1,
      title: '区政府昨日召开发布会',
      meta: { kind: 'press_release', source: '区新闻办', keywords: ['发布会'] },
      body: doc('第一段', '第二段（修订）', '第三段'),
    });
    const comparison = await value<{ title: unknown; fields: unknown; body: unknown }>(
      app,
      'drafts.compare',
      { id: draft.id, from: 1, to: 'working' },
    );
    expect(comparison.title).toEqual([
      { op: 'equal', text: '区政府' },
      { op: 'insert', text: '昨日' },
      { op: 'equal', text: '召开发布会' },
    ]);
    expect(comparison.fields).toEqual([
      { field: 'source', before: '', after: '区新闻办' },
      { field: 'keywords', before: '', after: '发布会' },
    ]);
    expect(comparison.body).toEqual([
      { kind: 'equal', text: '第一段' },
      {
        kind: 'change',
        segments: [
          { op: 'equal', text: '第二段' },
          { op: 'insert', text: '（修订）' },
        ],
      },
      { kind: 'insert', text: '第三段' },
    ]);
    app.close();
  });

  it('restores an earlier revision as a new one, keeping the current text as a revision too', async () => {
    const { app, clock } = open();
    const draft = await value<Summary>(app, 'drafts.create', {
      kind: 'press_release',
      title: 'A',
      body: doc('原文'),
    });
    clock.advance(1000);
    const saved = await value<Summary>(app, 'drafts.save', {
      id: draft.id,
      baseVersion: 1,
      title: 'B',
      body: doc('改坏了的文字'),
    });
    const stale = await app.call('drafts.restore', { id: draft.id, number: 1, baseVersion: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const restored = await value<Summary>(app, 'drafts.restore', {
      id: draft.id,
      number: 1,
      baseVersion: saved.version,
    });
    expect(restored.version).toBe(saved.version + 1);
    const now = await value<{ title: string; body: unknown }>(app, 'drafts.get', { id: draft.id });
    expect(now.title).toBe('A');
    expect(JSON.stringify(now.body)).toContain('原文');
    const revisions = await value<Rev[]>(app, 'drafts.revisions', { id: draft.id });
    expect(revisions.map((r) => [r.number, r.reason, r.title, r.restoredFrom])).toEqual([
      [3, 'restore', 'A', 1],
      [2, 'checkpoint', 'B', null],
      [1, 'created', 'A', null],
    ]);
    expect(
      await app.call('drafts.restore', { id: draft.id, number: 99, baseVersion: restored.version }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    app.close();
  });

  it('keeps revisions immutable in the database itself', async () => {
    const { app, dataDir } = open();
    await value(app, 'drafts.create', { kind: 'notice', title: '不可改' });
    app.close();
    const { db } = openDatabase({ dataDir });
    try {
      expect(() => db.prepare("UPDATE draft_revisions SET title = '改了'").run()).toThrow(
        /immutable/,
      );
      expect(() => db.prepare('DELETE FROM draft_revisions').run()).toThrow(/immutable/);
    } finally {
      db.close();
    }
  });

  it('keeps kind-specific fields and refuses fields of another kind', async () => {
    const { app } = open();
    const draft = await value<Summary>(app, 'drafts.create', {
      kind: 'policy_interpretation',
      title: '解读',
      meta: {
        kind: 'policy_interpretation',
        policy: {
          source: 'published',
          title: '通州区政务公开实施办法',
          documentNumber: '通政发〔2016〕12号',
          url: 'http://www.tongzhou.gov.cn/a.html',
        },
      },
    });
    const got = await value<{ meta: Record<string, unknown> }>(app, 'drafts.get', { id: draft.id });
    expect(got.meta).toMatchObject({
      kind: 'policy_interpretation',
      policy: { documentNumber: '通政发〔2016〕12号' },
      summary: '',
    });
    const wrong = await app.call('drafts.save', {
      id: draft.id,
      baseVersion: 1,
      meta: { kind: 'consultation' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const badUrl = await app.call('drafts.save', {
      id: draft.id,
      baseVersion: 1,
      meta: {
        kind: 'policy_interpretation',
        policy: { source: 'published', url: 'javascript:alert(1)' },
      },
    });
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    app.close();
  });
});
