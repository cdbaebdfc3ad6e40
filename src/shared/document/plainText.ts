import { assertNever } from '../assertNever.ts';
import type { BlockNode, Document, InlineNode, ListItemNode, TableCellNode } from './nodes.ts';

/**
 * The document as plain text, one block per line: paragraphs, headings, quotes and list items
 * each on their own line; table rows as lines with cells separated by tabs; images as their
 * alt text in brackets when they have one. Used for search, counts and revision diffs.
 */
export function plainTextBlocks(doc: Document): string[] {
  const lines: string[] = [];
  for (const block of doc.root.children) blockLines(block, lines);
  return lines;
}

export function plainText(doc: Document): string {
  return plainTextBlocks(doc).join('\n');
}

function blockLines(block: BlockNode, out: string[]): void {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      out.push(inlineText(block.children));
      return;
    case 'list':
      for (const item of block.children) listItemLines(item, out);
      return;
    case 'table':
      for (const row of block.children) out.push(row.children.map(cellText).join('\t'));
      return;
    case 'horizontalrule':
      return;
    default:
      assertNever(block, 'block node');
  }
}

function listItemLines(item: ListItemNode, out: string[]): void {
  const inline = item.children.filter((c): c is InlineNode => c.type !== 'list');
  if (inline.length > 0) out.push(inlineText(inline));
  for (const child of item.children)
    if (child.type === 'list') for (const nested of child.children) listItemLines(nested, out);
}

function cellText(cell: TableCellNode): string {
  const lines: string[] = [];
  for (const block of cell.children) blockLines(block, lines);
  return lines.join(' ');
}

export function inlineText(nodes: readonly InlineNode[]): string {
  let text = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text += node.text;
        break;
      case 'tab':
        text += '\t';
        break;
      case 'linebreak':
        text += '\n';
        break;
      case 'link':
      case 'autolink':
        text += inlineText(node.children);
        break;
      case 'image':
        if (node.altText) text += `[${node.altText}]`;
        break;
      default:
        assertNever(node, 'inline node');
    }
  }
  return text;
}
