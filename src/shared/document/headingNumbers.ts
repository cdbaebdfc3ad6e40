import type { Document } from './nodes.ts';

/**
 * Official-document heading numbering (党政机关公文格式, GB/T 9704): the first four levels are
 * numbered 一、 then （一） then 1. then （1）. Headings h1–h4 of a release are those levels.
 * Returns one label per top-level heading, in document order ('' for h5/h6); counters of
 * deeper levels restart under each higher heading.
 */
export function headingNumbers(doc: Document): string[] {
  const counters = [0, 0, 0, 0];
  const labels: string[] = [];
  for (const block of doc.root.children) {
    if (block.type !== 'heading') continue;
    const level = Number(block.tag.slice(1)) - 1;
    if (level > 3) {
      labels.push('');
      continue;
    }
    counters[level] = (counters[level] ?? 0) + 1;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    labels.push(headingLabel(level, counters[level] ?? 1));
  }
  return labels;
}

/** The label of the n-th heading (from 1) at a level (0–3). */
export function headingLabel(level: number, n: number): string {
  switch (level) {
    case 0:
      return `${chineseNumeral(n)}、`;
    case 1:
      return `（${chineseNumeral(n)}）`;
    case 2:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九, 100 and beyond in Arabic digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones] ?? '';
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
