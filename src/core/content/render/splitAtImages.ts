import type { ImageNode, InlineNode } from '../../../shared/document/nodes.ts';

/**
 * A paragraph or heading holds phrasing content only, but a Lexical image is inline: the block
 * is split so each image is written (as a figure) between the runs of text around it, each run
 * wrapped by `wrap`. `prefix` (a heading number) goes at the start of the first run. Shared by
 * the portal and WeChat renderers, which differ only in how they write inline runs and images.
 */
export function splitAtImages(
  children: readonly InlineNode[],
  prefix: string,
  wrap: (inner: string) => string,
  renderInline: (nodes: readonly InlineNode[]) => string,
  renderImage: (image: ImageNode) => string,
): string {
  let html = '';
  let run = prefix;
  let pending: InlineNode[] = [];
  const flush = () => {
    run += renderInline(pending);
    if (run.trim() !== '') html += wrap(run);
    run = '';
    pending = [];
  };
  for (const child of children) {
    if (child.type !== 'image') {
      pending.push(child);
      continue;
    }
    flush();
    html += renderImage(child);
  }
  flush();
  return html;
}
