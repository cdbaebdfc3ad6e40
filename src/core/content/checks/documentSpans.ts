import { assertNever } from '../../../shared/assertNever.ts';
import type {
  AutoLinkNode,
  BlockNode,
  Document,
  ImageNode,
  InlineNode,
  LinkNode,
  ListItemNode,
  TableCellNode,
} from '../../../shared/document/nodes.ts';

/** A link or image and where its text is in plainTextBlocks(doc)[blockIndex]. */
export interface Span<N> {
  node: N;
  blockIndex: number;
  start: number;
  /** For an image without alt text, start === end (it contributes no text). */
  end: number;
}

export interface DocumentSpans {
  /** Exactly plainTextBlocks(doc) (a test holds them equal). */
  blocks: string[];
  links: Span<LinkNode | AutoLinkNode>[];
  images: Span<ImageNode>[];
}

interface Piece {
  text: string;
  links: Omit<Span<LinkNode | AutoLinkNode>, 'blockIndex'>[];
  images: Omit<Span<ImageNode>, 'blockIndex'>[];
}

/**
 * The body blocks as plainTextBlocks gives them, with the offsets of every link and image, so
 * that link and image findings point at the text the editor highlights. Mirrors
 * src/shared/document/plainText.ts line for line; keep the two in step.
 */
export function documentSpans(doc: Document): DocumentSpans {
  const pieces: Piece[] = [];
  for (const block of doc.root.children) blockPieces(block, pieces);
  const out: DocumentSpans = { blocks: [], links: [], images: [] };
  pieces.forEach((piece, blockIndex) => {
    out.blocks.push(piece.text);
    for (const l of piece.links) out.links.push({ ...l, blockIndex });
    for (const i of piece.images) out.images.push({ ...i, blockIndex });
  });
  return out;
}

function blockPieces(block: BlockNode, out: Piece[]): void {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      out.push(inlinePiece(block.children));
      return;
    case 'list':
      for (const item of block.children) listItemPieces(item, out);
      return;
    case 'table':
      for (const row of block.children) out.push(join(row.children.map(cellPiece), '\t'));
      return;
    case 'horizontalrule':
      return;
    default:
      assertNever(block, 'block node');
  }
}

function listItemPieces(item: ListItemNode, out: Piece[]): void {
  const inline = item.children.filter((c): c is InlineNode => c.type !== 'list');
  if (inline.length > 0) out.push(inlinePiece(inline));
  for (const child of item.children)
    if (child.type === 'list') for (const nested of child.children) listItemPieces(nested, out);
}

function cellPiece(cell: TableCellNode): Piece {
  const lines: Piece[] = [];
  for (const block of cell.children) blockPieces(block, lines);
  return join(lines, ' ');
}

/** Concatenates pieces with a separator, shifting their spans. */
function join(pieces: readonly Piece[], separator: string): Piece {
  const joined: Piece = { text: '', links: [], images: [] };
  pieces.forEach((piece, i) => {
    if (i > 0) joined.text += separator;
    const shift = joined.text.length;
    joined.text += piece.text;
    for (const l of piece.links)
      joined.links.push({ ...l, start: l.start + shift, end: l.end + shift });
    for (const m of piece.images)
      joined.images.push({ ...m, start: m.start + shift, end: m.end + shift });
  });
  return joined;
}

function inlinePiece(nodes: readonly InlineNode[]): Piece {
  const piece: Piece = { text: '', links: [], images: [] };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        piece.text += node.text;
        break;
      case 'tab':
        piece.text += '\t';
        break;
      case 'linebreak':
        piece.text += '\n';
        break;
      case 'link':
      case 'autolink': {
        const start = piece.text.length;
        const inner = inlinePiece(node.children);
        piece.text += inner.text;
        piece.links.push({ node, start, end: piece.text.length });
        break;
      }
      case 'image': {
        const start = piece.text.length;
        if (node.altText) piece.text += `[${node.altText}]`;
        piece.images.push({ node, start, end: piece.text.length });
        break;
      }
      default:
        assertNever(node, 'inline node');
    }
  }
  return piece;
}
