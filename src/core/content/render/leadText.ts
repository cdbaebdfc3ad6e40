import { plainTextBlocks } from '../../../shared/document/plainText.ts';
import { cleanText } from './cleanText.ts';
import type { Release } from './release.ts';

/**
 * The text a microblog post or a feed summary leads with: the release's summary (meta.summary)
 * when it has one, else the start of the body as plain text (headings without their numbers,
 * list items, table rows, image alt texts in brackets), blocks joined by a space, whitespace
 * collapsed, control characters removed. Not cut: callers fit it to their measure. Gathering
 * stops once the text is longer than `enough` (pass fitCap(max): fitText cuts such a text).
 */
export function leadText(release: Release, enough: number): string {
  const summary = collapse(release.meta.summary);
  if (summary !== '') return summary;
  let lead = '';
  const { root } = release.body;
  // Block by block, so a long body is not turned into text beyond what is needed.
  for (const block of root.children) {
    for (const text of plainTextBlocks({ root: { ...root, children: [block] } })) {
      const line = collapse(text);
      if (line !== '') lead = lead === '' ? line : `${lead} ${line}`;
    }
    if (lead.length > enough) break;
  }
  return lead;
}

/** Single spaces only, trimmed, without control characters. */
export function collapse(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}
