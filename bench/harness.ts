/**
 * The benchmark harness: every figure is printed beside its baseline, measured in the same
 * run on the same machine, and the ratio between them; targets are checked on the ratio (or
 * on an absolute bound where DESIGN.md gives one), never by a timed test.
 */
export interface Figure {
  /** What was measured. */
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number };
  /** 'higher' when more is better (throughput), 'lower' when less is (latency, size). */
  better: 'higher' | 'lower';
  /** An optional target on the ratio value/baseline, e.g. { atLeast: 1.5 } or { atMost: 2 }. */
  target?: { atLeast?: number; atMost?: number; note?: string };
  /** An optional absolute bound on the value itself, where DESIGN.md or an issue gives one. */
  limit?: { atMost: number };
}

export const results: (Figure & { ratio: number; met: boolean | undefined })[] = [];

export function report(figure: Figure): void {
  const ratio = figure.value / figure.baseline.value;
  const { atLeast, atMost } = figure.target ?? {};
  const ratioMet = figure.target
    ? (atLeast === undefined || ratio >= atLeast) && (atMost === undefined || ratio <= atMost)
    : undefined;
  const limitMet = figure.limit ? figure.value <= figure.limit.atMost : undefined;
  const met =
    ratioMet === undefined && limitMet === undefined
      ? undefined
      : ratioMet !== false && limitMet !== false;
  results.push({ ...figure, ratio, met });
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));
  const target = figure.target
    ? `  target ${atLeast !== undefined ? `>= ${atLeast}x` : ''}${atMost !== undefined ? `<= ${atMost}x` : ''}${figure.target.note ? ` (${figure.target.note})` : ''}: ${ratioMet ? 'met' : 'NOT MET'}`
    : '';
  const limit = figure.limit
    ? `  target <= ${figure.limit.atMost} ${figure.unit}: ${limitMet ? 'met' : 'NOT MET'}`
    : '';
  process.stdout.write(
    `${figure.name}\n    ${fmt(figure.value)} ${figure.unit}   baseline (${figure.baseline.name}): ${fmt(figure.baseline.value)} ${figure.unit}   ratio ${ratio.toFixed(2)}x (${figure.better} is better)${target}${limit}\n`,
  );
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);
