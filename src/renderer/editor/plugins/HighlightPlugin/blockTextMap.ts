import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListItemNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  type TableCellNode,
} from '@lexical/table';
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { $isImageNode } from '../../nodes/ImageNode/ImageNode.tsx';

/**
 * A piece of a block's text: characters of a Lexical text node (which has them in the DOM), or
 * characters plainText() adds that no text node holds (a line break's "\n", an image's
 * "[alt]", the tab and space between table cells), placed next to the node `near`.
 */
export type TextPiece =
  | { kind: 'text'; start: number; end: number; key: NodeKey }
  | { kind: 'added'; start: number; end: number; near: NodeKey; side: 'before' | 'after' };

export interface BlockText {
  text: string;
  pieces: TextPiece[];
}

/**
 * The blocks of the document as src/shared/document/plainText.ts numbers them (the index the
 * pre-publish checks report findings by), with where each character lives. Must agree with
 * plainTextBlocks() character for character; a unit test holds them together.
 * Call inside editor.read() or editorState.read().
 */
export function $blockTextMap(): BlockText[] {
  const blocks: BlockText[] = [];
  for (const block of $getRoot().getChildren()) $blockLines(block, blocks);
  return blocks;
}

class LineBuilder {
  text = '';
  pieces: TextPiece[] = [];
  addText(text: string, key: NodeKey): void {
    if (text === '') return;
    this.pieces.push({
      kind: 'text',
      start: this.text.length,
      end: this.text.length + text.length,
      key,
    });
    this.text += text;
  }
  addAdded(text: string, near: NodeKey, side: 'before' | 'after'): void {
    if (text === '') return;
    this.pieces.push({
      kind: 'added',
      start: this.text.length,
      end: this.text.length + text.length,
      near,
      side,
    });
    this.text += text;
  }
  append(other: LineBuilder): void {
    for (const piece of other.pieces) {
      this.pieces.push({
        ...piece,
        start: piece.start + this.text.length,
        end: piece.end + this.text.length,
      });
    }
    this.text += other.text;
  }
  done(): BlockText {
    return { text: this.text, pieces: this.pieces };
  }
}

function $blockLines(block: LexicalNode, out: BlockText[]): void {
  if ($isParagraphNode(block) || $isHeadingNode(block) || $isQuoteNode(block)) {
    const line = new LineBuilder();
    $inline(block.getChildren(), line);
    out.push(line.done());
  } else if ($isListNode(block)) {
    for (const item of block.getChildren()) if ($isListItemNode(item)) $listItemLines(item, out);
  } else if ($isTableNode(block)) {
    for (const row of block.getChildren()) {
      if (!$isTableRowNode(row)) continue;
      const line = new LineBuilder();
      row.getChildren().forEach((cell, index) => {
        if (index > 0) line.addAdded('\t', cell.getKey(), 'before');
        if ($isTableCellNode(cell)) line.append($cellText(cell));
      });
      out.push(line.done());
    }
  }
  // horizontal rule: no line
}

function $listItemLines(item: ListItemNode, out: BlockText[]): void {
  const inline = item.getChildren().filter((child) => !$isListNode(child));
  if (inline.length > 0) {
    const line = new LineBuilder();
    $inline(inline, line);
    out.push(line.done());
  }
  for (const child of item.getChildren()) {
    if (!$isListNode(child)) continue;
    for (const nested of child.getChildren())
      if ($isListItemNode(nested)) $listItemLines(nested, out);
  }
}

function $cellText(cell: TableCellNode): LineBuilder {
  const lines: BlockText[] = [];
  for (const block of cell.getChildren()) $blockLines(block, lines);
  const joined = new LineBuilder();
  lines.forEach((line, index) => {
    if (index > 0) joined.addAdded(' ', cell.getKey(), 'after');
    const part = new LineBuilder();
    part.text = line.text;
    part.pieces = line.pieces;
    joined.append(part);
  });
  return joined;
}

function $inline(nodes: readonly LexicalNode[], line: LineBuilder): void {
  for (const node of nodes) {
    if ($isTextNode(node)) line.addText(node.getTextContent(), node.getKey());
    else if ($isLineBreakNode(node)) line.addAdded('\n', node.getKey(), 'before');
    else if ($isLinkNode(node)) $inline(node.getChildren(), line);
    else if ($isImageNode(node)) {
      const alt = node.getAltText();
      if (alt) line.addAdded(`[${alt}]`, node.getKey(), 'after');
    } else if ($isElementNode(node)) $inline(node.getChildren(), line);
  }
}
