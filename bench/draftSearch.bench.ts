// Full-text search over 10,000 drafts (titles and bodies cut from the sample report), p95 per
// query through the core (drafts.list with a query: trigram and bigram indexes, filters,
// snippets), against a LIKE scan of the same texts in a bare table in the same run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3';
import { createApp } from '../src/core/app.ts';
import { memoryLogger } from '../src/core/log/logger.ts';
import { percentile, report } from './harness.ts';

const DRAFTS = 10_000;
const QUERIES = [
  '公开',
  '政务公開',
  '区',
  '新闻发布会',
  '信息 公開',
  '依申請公開',
  '營商環境',
  '2016',
  'WeChat',
  '不存在的词语',
];
const ROUNDS = 20;

function paragraphDoc(lines: string[]) {
  return {
    root: {
      type: 'root',
      children: lines.map((line) => ({
        type: 'paragraph',
        children: [{ type: 'text', text: line }],
      })),
    },
  };
}

export async function benchDraftSearch(): Promise<void> {
  const sample = readFileSync(
    join(import.meta.dirname, '../../shared/samples/tongzhou-disclosure-report-2016.txt'),
    'utf8',
  );
  const dir = mkdtempSync(join(tmpdir(), 'pressdesk-bench-search-'));
  try {
    const app = createApp({
      dataDir: join(dir, 'core'),
      runtime: 'headless',
      logger: memoryLogger(),
    });
    const raw = new Sqlite(join(dir, 'raw.sqlite'));
    raw.exec(
      'CREATE TABLE drafts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL) STRICT',
    );
    const rawInsert = raw.prepare('INSERT INTO drafts (title, body) VALUES (?, ?)');
    const kinds = ['press_release', 'policy_interpretation', 'notice', 'consultation'];
    for (let i = 0; i < DRAFTS; i++) {
      const at = (i * 997) % (sample.length - 900);
      const lines = sample.slice(at, at + 800).split('\n');
      const title = `第${i}号 ${lines[0]?.slice(0, 24) ?? ''}${i % 7 === 0 ? ' 新闻发布会' : ''}`;
      const created = await app.call('drafts.create', {
        kind: kinds[i % 4],
        title,
        body: paragraphDoc(lines),
      });
      if (!created.ok) throw new Error(created.error.message);
      rawInsert.run(title, lines.join('\n'));
    }

    const coreTimes: number[] = [];
    const rawTimes: number[] = [];
    const like = raw.prepare(
      "SELECT id, title FROM drafts WHERE title LIKE '%' || ? || '%' OR body LIKE '%' || ? || '%' ORDER BY id DESC LIMIT 100",
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        let t = performance.now();
        const r = await app.call('drafts.list', { query, limit: 100 });
        coreTimes.push(performance.now() - t);
        if (!r.ok) throw new Error(r.error.message);
        t = performance.now();
        for (const term of query.split(' ')) like.all(term, term);
        rawTimes.push(performance.now() - t);
      }
    }
    app.close();
    raw.close();
    report({
      name: `search over ${DRAFTS.toLocaleString('en-US')} drafts, p95 of ${coreTimes.length} queries (1 to 6 characters, Chinese and Latin, one and two terms)`,
      value: percentile(coreTimes, 95),
      unit: 'ms',
      baseline: {
        name: 'LIKE scan of the same texts, bare table',
        value: percentile(rawTimes, 95),
      },
      better: 'lower',
      limit: { atMost: 20 },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
