/**
 * Text comparison for revisions: lines (blocks) aligned by longest common subsequence, and
 * changed lines compared character by character (by grapheme, so an emoji or a combined
 * character is never split). Pure and bounded: past MAX_CELLS the comparison of a pair falls
 * back to "all deleted, all inserted" rather than taking seconds.
 */
export type Segment = { op: 'equal' | 'insert' | 'delete'; text: string };
export type LineDiff =
  | { kind: 'equal'; text: string }
  | { kind: 'insert'; text: string }
  | { kind: 'delete'; text: string }
  | { kind: 'change'; segments: Segment[] };

const MAX_CELLS = 4_000_000;
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const graphemes = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

type Op<T> = { op: 'equal' | 'insert' | 'delete'; item: T };

/** Longest-common-subsequence edit script from a to b. */
export function editScript<T>(a: readonly T[], b: readonly T[]): Op<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Op<T>[] = a.slice(0, start).map((item) => ({ op: 'equal', item }));
  const tail: Op<T>[] = a.slice(endA).map((item) => ({ op: 'equal', item }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if ((x.length + 1) * (y.length + 1) > MAX_CELLS) {
    return [
      ...head,
      ...x.map((item) => ({ op: 'delete' as const, item })),
      ...y.map((item) => ({ op: 'insert' as const, item })),
      ...tail,
    ];
  }
  const width = y.length + 1;
  const table = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      table[i * width + j] =
        x[i] === y[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const middle: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      middle.push({ op: 'equal', item: x[i] as T });
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      middle.push({ op: 'delete', item: x[i++] as T });
    } else {
      middle.push({ op: 'insert', item: y[j++] as T });
    }
  }
  while (i < x.length) middle.push({ op: 'delete', item: x[i++] as T });
  while (j < y.length) middle.push({ op: 'insert', item: y[j++] as T });
  return [...head, ...middle, ...tail];
}

/** Character-level segments of one changed line, adjacent equal ops merged. */
export function diffText(before: string, after: string): Segment[] {
  const segments: Segment[] = [];
  for (const { op, item } of editScript(graphemes(before), graphemes(after))) {
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += item;
    else segments.push({ op, text: item });
  }
  return segments;
}

/** Line-level comparison; a run of deleted lines followed by inserted ones pairs up as changes. */
export function diffLines(before: readonly string[], after: readonly string[]): LineDiff[] {
  const script = editScript(before, after);
  const out: LineDiff[] = [];
  for (let k = 0; k < script.length;) {
    const step = script[k] as Op<string>;
    if (step.op === 'equal') {
      out.push({ kind: 'equal', text: step.item });
      k++;
      continue;
    }
    const deleted: string[] = [];
    const inserted: string[] = [];
    while (k < script.length && script[k]?.op !== 'equal') {
      const s = script[k] as Op<string>;
      (s.op === 'delete' ? deleted : inserted).push(s.item);
      k++;
    }
    const pairs = Math.min(deleted.length, inserted.length);
    for (let p = 0; p < pairs; p++)
      out.push({ kind: 'change', segments: diffText(deleted[p] ?? '', inserted[p] ?? '') });
    for (const text of deleted.slice(pairs)) out.push({ kind: 'delete', text });
    for (const text of inserted.slice(pairs)) out.push({ kind: 'insert', text });
  }
  return out;
}
