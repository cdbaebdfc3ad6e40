import { headingNumbers } from '../../../shared/document/headingNumbers.ts';
import type { Document, HeadingNode } from '../../../shared/document/nodes.ts';

/**
 * The official number (一、 （一） 1. （1）) of each top-level heading, by node. Headings inside
 * table cells and h5/h6 have none. Channel HTML prints these as text: no channel runs our CSS
 * counters.
 */
export function headingLabels(doc: Document): Map<HeadingNode, string> {
  const numbers = headingNumbers(doc);
  const labels = new Map<HeadingNode, string>();
  let i = 0;
  for (const block of doc.root.children)
    if (block.type === 'heading') labels.set(block, numbers[i++] ?? '');
  return labels;
}
