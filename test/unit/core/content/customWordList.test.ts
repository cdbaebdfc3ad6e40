import { describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../../../src/core/app.ts';
import { memoryLogger } from '../../../../src/core/log/logger.ts';
import type { DraftPreview } from '../../../../src/shared/content/preview.ts';
import type { WordListView } from '../../../../src/shared/content/wordListSchema.ts';
import { doc } from '../../../fixtures/documents.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

async function value<T>(app: DeskApp, method: string, input: unknown): Promise<T> {
  const r = await app.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe("the office's own word list", () => {
  const tempDir = useTempDirs();

  it('adds entries the checks use at once, overrides shipped ones, and keeps them across restarts', async () => {
    const dataDir = tempDir();
    let app = createApp({ dataDir, runtime: 'headless', logger: memoryLogger() });
    const initial = await value<WordListView>(app, 'wordlist.get', {});
    expect(initial.shipped.count).toBeGreaterThan(20);
    expect(initial.custom).toEqual([]);

    const draft = await value<{ id: string }>(app, 'drafts.create', {
      kind: 'notice',
      title: '通知',
      body: doc('请登录网上办事大厅，其它事项另行通知。'),
    });
    const before = await value<DraftPreview>(app, 'drafts.preview', { id: draft.id });
    expect(
      before.findings.filter((f) => f.checkId === 'expression').map((f) => f.severity),
    ).toEqual(['warn']);

    await value(app, 'wordlist.set', {
      entries: [
        {
          term: '网上办事大厅',
          severity: 'block',
          correct: '政务服务网',
          note: '2026 年起统一称政务服务网',
        },
        { term: '其它', severity: 'block', correct: '其他' },
      ],
    });
    const after = await value<DraftPreview>(app, 'drafts.preview', { id: draft.id });
    expect(
      after.findings
        .filter((f) => f.checkId === 'expression')
        .map((f) => [f.severity, f.suggestion]),
    ).toEqual([
      ['block', '政务服务网'],
      ['block', '其他'],
    ]);
    app.close();

    app = createApp({ dataDir, runtime: 'headless', logger: memoryLogger() });
    expect((await value<WordListView>(app, 'wordlist.get', {})).custom.map((e) => e.term)).toEqual([
      '网上办事大厅',
      '其它',
    ]);
    app.close();
  });

  it('refuses duplicates and a correct form that contains its term, naming the entry', async () => {
    const app = createApp({ dataDir: tempDir(), runtime: 'headless', logger: memoryLogger() });
    const duplicate = await app.call('wordlist.set', {
      entries: [
        { term: '帐号', severity: 'warn' },
        { term: '帐号', severity: 'block' },
      ],
    });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!duplicate.ok && duplicate.error.message).toContain('repeats entry 0');
    const circular = await app.call('wordlist.set', {
      entries: [{ term: '其它', severity: 'warn', correct: '其它的' }],
    });
    expect(circular).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await app.call('wordlist.set', { entries: [{ term: '', severity: 'warn' }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await value<WordListView>(app, 'wordlist.get', {})).custom).toEqual([]);
    app.close();
  });
});
