import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../../src/core/app.ts';
import { manualClock } from '../../../src/core/clock.ts';
import { memoryLogger } from '../../../src/core/log/logger.ts';
import { MIGRATIONS } from '../../../src/core/store/migrations/index.ts';
import { APP_VERSION } from '../../../src/core/version.ts';
import type { ApiEvent } from '../../../src/shared/api/contract.ts';
import type { Document } from '../../../src/shared/document/nodes.ts';
import { plainText } from '../../../src/shared/document/plainText.ts';
import { useTempDirs } from '../../fixtures/tempDir.ts';

const body = (text: string) => ({
  root: {
    type: 'root',
    children: [
      { type: 'paragraph', children: [{ type: 'text', text, format: 0, version: 1 }], version: 1 },
    ],
    version: 1,
  },
});

describe('createApp: the contract over the store', () => {
  const tempDir = useTempDirs();
  const open = (dataDir = tempDir()) => {
    const clock = manualClock('2026-11-27T01:00:00Z');
    const log = memoryLogger();
    const app = createApp({ dataDir, runtime: 'headless', clock, logger: log });
    return { app, clock, log, dataDir };
  };
  const value = async (app: DeskApp, method: string, input: unknown) => {
    const envelope = await app.call(method, input);
    if (!envelope.ok)
      throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as Record<string, unknown>;
  };

  it('creates, lists, gets and saves drafts, with versions and times from the clock', async () => {
    const { app, clock } = open();
    const created = await value(app, 'drafts.create', {
      kind: 'policy_interpretation',
      title: '  关于《通州区政务公开实施办法》的解读 ',
    });
    expect(created).toMatchObject({
      kind: 'policy_interpretation',
      title: '关于《通州区政务公开实施办法》的解读',
      status: 'draft',
      version: 1,
      createdAt: '2026-11-27T01:00:00.000Z',
    });
    clock.advance(60_000);
    const saved = await value(app, 'drafts.save', {
      id: created.id,
      baseVersion: 1,
      body: body('政务公开'),
    });
    expect(saved).toMatchObject({
      version: 2,
      updatedAt: '2026-11-27T01:01:00.000Z',
      createdAt: '2026-11-27T01:00:00.000Z',
    });
    const got = await value(app, 'drafts.get', { id: created.id });
    expect(plainText(got.body as Document)).toBe('政务公开');
    expect(got.title).toBe('关于《通州区政务公开实施办法》的解读');
    const list = await value(app, 'drafts.list', {});
    expect(list.total).toBe(1);
    app.close();
  });

  it('filters and pages the list, newest first', async () => {
    const { app, clock } = open();
    for (const [i, kind] of (['notice', 'press_release', 'notice'] as const).entries()) {
      clock.advance(1000);
      await value(app, 'drafts.create', { kind, title: `稿件 ${i}` });
    }
    const notices = await value(app, 'drafts.list', { kind: 'notice' });
    expect(notices.total).toBe(2);
    expect((notices.items as { title: string }[]).map((d) => d.title)).toEqual([
      '稿件 2',
      '稿件 0',
    ]);
    const page = await value(app, 'drafts.list', { limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect((page.items as { title: string }[]).map((d) => d.title)).toEqual(['稿件 1']);
    app.close();
  });

  it('refuses a save based on an old version (conflict) and keeps the newer text', async () => {
    const { app } = open();
    const created = await value(app, 'drafts.create', { kind: 'notice', title: 'A' });
    await value(app, 'drafts.save', { id: created.id, baseVersion: 1, title: 'B' });
    const stale = await app.call('drafts.save', { id: created.id, baseVersion: 1, title: 'C' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await value(app, 'drafts.get', { id: created.id })).title).toBe('B');
    app.close();
  });

  it('answers not_found for an unknown draft', async () => {
    const { app } = open();
    const result = await app.call('drafts.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    app.close();
  });

  it('answers invalid_input, field by field, for malformed input, and stays usable', async () => {
    const { app } = open();
    const bad = [
      ['drafts.create', { kind: 'tweet', title: 1 }],
      ['drafts.create', { kind: 'notice', title: 'x'.repeat(201) }],
      ['drafts.create', { kind: 'notice', extra: true }],
      ['drafts.save', { id: 'not-a-uuid', baseVersion: -1 }],
      [
        'drafts.save',
        { id: '00000000-0000-4000-8000-000000000000', baseVersion: 1, body: { root: 'nope' } },
      ],
      ['drafts.list', { limit: 10_000 }],
      ['settings.set', { timeZone: 'Mars/Olympus_Mons' }],
      ['settings.set', { colour: 'red' }],
      ['app.info', 'a string'],
    ] as const;
    for (const [method, input] of bad) {
      const result = await app.call(method, input);
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.issues?.length).toBeGreaterThan(0);
        expect(result.error.message).toContain(method);
      }
    }
    const created = await app.call('drafts.create', { kind: 'tweet' });
    expect(created.ok || created.error.issues?.[0]?.path).toBe('kind');
    expect((await app.call('app.info', {})).ok).toBe(true);
    app.close();
  });

  it('answers unknown_method for anything outside the contract', async () => {
    const { app } = open();
    for (const method of ['drafts.delete', '__proto__', 'constructor', 'toString', '']) {
      expect(await app.call(method, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_method' },
      });
    }
    app.close();
  });

  it('keeps settings across restarts, with defaults for what was never set', async () => {
    const first = open();
    expect(await value(first.app, 'settings.get', {})).toEqual({
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      officeName: '',
      personName: '',
      publishingPaused: false,
      missedWindowMinutes: 30,
    });
    await value(first.app, 'settings.set', {
      locale: 'en',
      officeName: '通州区人民政府新闻办公室',
      personName: '',
    });
    first.app.close();
    const second = open(first.dataDir);
    expect(await value(second.app, 'settings.get', {})).toEqual({
      locale: 'en',
      timeZone: 'Asia/Shanghai',
      officeName: '通州区人民政府新闻办公室',
      personName: '',
      publishingPaused: false,
      missedWindowMinutes: 30,
    });
    second.app.close();
  });

  it('pushes an event for every change', async () => {
    const { app } = open();
    const seen: ApiEvent[] = [];
    const unsubscribe = app.events.subscribe((e) => seen.push(e));
    const created = await value(app, 'drafts.create', { kind: 'notice' });
    await value(app, 'drafts.save', { id: created.id, baseVersion: 1, title: '新' });
    await value(app, 'settings.set', { locale: 'en' });
    unsubscribe();
    await value(app, 'settings.set', { locale: 'zh-CN' });
    expect(seen).toEqual([
      { name: 'drafts.changed', payload: { id: created.id, version: 1 } },
      { name: 'drafts.changed', payload: { id: created.id, version: 2 } },
      { name: 'settings.changed', payload: { locale: 'en' } },
    ]);
    app.close();
  });

  it('reports who it is, and its version matches package.json', async () => {
    const { app, dataDir } = open();
    const info = await value(app, 'app.info', {});
    expect(info).toMatchObject({
      name: 'PressDesk',
      runtime: 'headless',
      dataDir,
      schemaVersion: MIGRATIONS.length,
    });
    const pkg = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
    app.close();
  });

  it('turns an unexpected failure into an internal error with a reference, logged', async () => {
    const { app, log } = open();
    app.close(); // the database is closed: the next call fails inside the handler
    const result = await app.call('drafts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.lines.some((l) => l.level === 'error' && l.event === 'api.internal')).toBe(true);
  });
});
