// 10,000 drafts.save through the core (validation, envelope, repository, event), against raw
// better-sqlite3 single-row transactions with the same pragmas on the same table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3';
import { createApp } from '../src/core/app.ts';
import { memoryLogger } from '../src/core/log/logger.ts';
import { PRAGMAS } from '../src/core/store/openDatabase.ts';
import { report } from './harness.ts';

const SAVES = 10_000;

function bodyOf(i: number) {
  return {
    root: {
      type: 'root',
      version: 1,
      children: [
        {
          type: 'paragraph',
          version: 1,
          children: [
            { type: 'text', version: 1, format: 0, text: `第${i}次修改：区政府新闻办公室发布会。` },
          ],
        },
      ],
    },
  };
}

export async function benchDraftsSave(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pressdesk-bench-'));
  try {
    const app = createApp({
      dataDir: join(dir, 'core'),
      runtime: 'headless',
      logger: memoryLogger(),
    });
    const created = await app.call('drafts.create', { kind: 'press_release', title: '基准' });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    let started = performance.now();
    for (let i = 1; i <= SAVES; i++) {
      const saved = await app.call('drafts.save', {
        id,
        baseVersion: i,
        title: `标题 ${i}`,
        body: bodyOf(i),
      });
      if (!saved.ok) throw new Error(saved.error.message);
    }
    const coreSeconds = (performance.now() - started) / 1000;
    app.close();

    const raw = new Sqlite(join(dir, 'raw.sqlite'));
    raw.pragma(`journal_mode = ${PRAGMAS.journal_mode}`);
    raw.pragma(`synchronous = ${PRAGMAS.synchronous}`);
    raw.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`);
    raw.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
    raw.exec(
      'CREATE TABLE drafts (id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL) STRICT',
    );
    raw.prepare("INSERT INTO drafts VALUES ('d', '', '{}', 1, '')").run();
    const update = raw.prepare(
      'UPDATE drafts SET title = ?, body = ?, version = version + 1, updated_at = ? WHERE id = ?',
    );
    const once = raw.transaction((i: number) =>
      update.run(`标题 ${i}`, JSON.stringify(bodyOf(i)), new Date().toISOString(), 'd'),
    );
    started = performance.now();
    for (let i = 1; i <= SAVES; i++) once.immediate(i);
    const rawSeconds = (performance.now() - started) / 1000;
    raw.close();

    report({
      name: `drafts.save x ${SAVES.toLocaleString('en-US')} through the core (validation, envelope, version check, event)`,
      value: SAVES / coreSeconds,
      unit: 'saves/s',
      baseline: {
        name: 'raw better-sqlite3, one UPDATE per transaction, same pragmas',
        value: SAVES / rawSeconds,
      },
      better: 'higher',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
