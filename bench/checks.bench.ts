// Word-list scan: 30,000 characters of the sample report against 5,000 terms (the shipped list
// plus generated CJK terms), through findExpressions (fold + Aho–Corasick + selection), block
// by block as runChecks does; median and p95 of many runs, against a naive scan in the same
// run (String.indexOf for every term over the same folded blocks).
//   node --experimental-strip-types --no-warnings=ExperimentalWarning \
//     -e "import('./bench/checks.bench.ts').then((m) => m.benchChecks())"
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileWordList } from '../src/core/content/checks/compileWordList.ts';
import { findExpressions } from '../src/core/content/checks/findExpressions.ts';
import { foldTerm, foldText } from '../src/core/content/checks/foldText.ts';
import { loadWordList } from '../src/core/content/checks/loadWordList.ts';
import { parseWordList } from '../src/core/content/checks/wordList.ts';
import { median, percentile, report } from './harness.ts';

const TEXT_LENGTH = 30_000;
const TERMS = 5_000;
const WARMUP = 20;
/** Runs per round, 4 rounds; the naive baseline is about 30x slower, so it runs fewer times. */
const RUNS = 100;
const BASELINE_RUNS = 10;

/** A small deterministic generator (mulberry32), so every run scans the same terms. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function benchChecks(): Promise<void> {
  const sample = readFileSync(
    join(import.meta.dirname, '../../shared/samples/tongzhou-disclosure-report-2016.txt'),
    'utf8',
  );
  let text = '';
  while (text.length < TEXT_LENGTH) text += sample;
  const blocks = text.slice(0, TEXT_LENGTH).split('\n');

  // Generated terms: 2-4 Han characters drawn from the sample, so that prefixes are shared and
  // some terms occur in the text, as real style-guide terms do.
  const han = [...new Set(sample.match(/\p{Script=Han}/gu) ?? [])];
  const shipped = loadWordList();
  const next = random(2016);
  const seen = new Set(shipped.entries.map((e) => foldTerm(e.term)));
  const entries = [...shipped.entries];
  while (entries.length < TERMS) {
    const length = 2 + Math.floor(next() * 3);
    let term = '';
    for (let i = 0; i < length; i++) term += han[Math.floor(next() * han.length)];
    if (seen.has(term)) continue;
    seen.add(term);
    entries.push({ term, severity: 'warn' });
  }
  const list = parseWordList({ ...shipped, entries });
  const buildStart = performance.now();
  const compiled = compileWordList(list);
  const buildMs = performance.now() - buildStart;
  const terms = compiled.matcher.terms;

  let sink = 0;
  const scan = () => {
    for (const block of blocks) sink += findExpressions(block, compiled).length;
  };
  const naive = () => {
    for (const block of blocks) {
      const folded = foldText(block).text;
      for (const term of terms)
        for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) sink++;
    }
  };
  const time = (fn: () => void, runs: number, warmup: number) => {
    for (let i = 0; i < warmup; i++) fn();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      fn();
      samples.push(performance.now() - start);
    }
    return samples;
  };
  // Interleave the two so that machine noise falls on both alike.
  const ours: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < 4; round++) {
    ours.push(...time(scan, RUNS, WARMUP));
    base.push(...time(naive, BASELINE_RUNS, 2));
  }
  process.stdout.write(
    `Word-list checks: ${TEXT_LENGTH.toLocaleString('en-US')} characters in ${blocks.length} blocks, ${terms.length.toLocaleString('en-US')} terms; matcher built in ${buildMs.toFixed(1)} ms; ${ours.length} + ${base.length} runs (checksum ${sink})\n`,
  );
  report({
    name: 'word-list scan of 30,000 characters, 5,000 terms (p50)',
    value: median(ours),
    unit: 'ms',
    baseline: { name: 'indexOf per term, same folded text', value: median(base) },
    better: 'lower',
    limit: { atMost: 5 },
  });
  report({
    name: 'word-list scan of 30,000 characters, 5,000 terms (p95)',
    value: percentile(ours, 95),
    unit: 'ms',
    baseline: { name: 'indexOf per term, same folded text', value: percentile(base, 95) },
    better: 'lower',
    limit: { atMost: 5 },
  });
}
