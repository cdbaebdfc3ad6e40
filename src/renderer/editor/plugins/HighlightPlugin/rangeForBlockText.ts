import { getDOMTextNode, type LexicalEditor } from 'lexical';
import type { BlockText, TextPiece } from './blockTextMap.ts';

/** A position in the editor's DOM. */
interface DomPoint {
  node: Node;
  offset: number;
}

/**
 * The DOM Range of characters [start, end) of a block (offsets in UTF-16 code units, as in the
 * block's plain text), or null when the block or the characters do not exist. Characters that
 * plainText() adds (line breaks, image alt text, cell separators) map to the boundary beside
 * their node.
 */
export function rangeForBlockText(
  editor: LexicalEditor,
  block: BlockText,
  start: number,
  end: number,
): Range | null {
  if (!(start >= 0 && end >= start && end <= block.text.length)) return null;
  const from = domPoint(editor, block.pieces, start, 'start');
  const to = domPoint(editor, block.pieces, end, 'end');
  if (!from || !to) return null;
  const range = (editor.getRootElement()?.ownerDocument ?? document).createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
  } catch {
    return null; // the DOM changed under us
  }
  return range;
}

function domPoint(
  editor: LexicalEditor,
  pieces: readonly TextPiece[],
  offset: number,
  edge: 'start' | 'end',
): DomPoint | null {
  // A start belongs to the piece that begins at or contains it, an end to the one that ends at
  // or contains it; text pieces win over added characters at a shared boundary.
  const candidates = pieces.filter((p) =>
    edge === 'start' ? p.start <= offset && offset < p.end : p.start < offset && offset <= p.end,
  );
  const piece =
    candidates.find((p) => p.kind === 'text') ??
    candidates[0] ??
    (edge === 'start'
      ? pieces.find((p) => p.start >= offset)
      : pieces.findLast((p) => p.end <= offset));
  if (!piece) return null;
  if (piece.kind === 'text') {
    const text = getDOMTextNode(editor.getElementByKey(piece.key));
    if (!text) return null;
    const within = Math.min(Math.max(offset - piece.start, 0), text.data.length);
    return { node: text, offset: within };
  }
  const element = editor.getElementByKey(piece.near);
  const parent = element?.parentNode;
  if (!element || !parent) return null;
  const index = Array.prototype.indexOf.call(parent.childNodes, element) as number;
  return { node: parent, offset: piece.side === 'before' ? index : index + 1 };
}
