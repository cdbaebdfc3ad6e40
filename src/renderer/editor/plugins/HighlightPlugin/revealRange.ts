import type { LexicalEditor } from 'lexical';
import { $blockTextMap } from './blockTextMap.ts';
import { REVEAL_HIGHLIGHT, REVEAL_MS } from './highlightRange.ts';
import { addHighlightRanges } from './highlightRegistry.ts';
import { rangeForBlockText } from './rangeForBlockText.ts';

/** The DOM Range of [start, end) of block `blockIndex` (plainTextBlocks numbering), or null. */
export function domRangeFor(
  editor: LexicalEditor,
  target: { blockIndex: number; start: number; end: number },
): Range | null {
  const block = editor.getEditorState().read(() => $blockTextMap()[target.blockIndex]);
  return block ? rangeForBlockText(editor, block, target.start, target.end) : null;
}

/**
 * Scrolls the characters [start, end) of block `blockIndex` into the middle of the view and
 * flashes them for two seconds, without touching the document or the selection. Answers false
 * when the range no longer exists (the text changed since the check ran).
 */
export function revealRange(
  editor: LexicalEditor,
  target: { blockIndex: number; start: number; end: number },
): boolean {
  const range = domRangeFor(editor, target);
  if (!range) return false;
  const container = range.startContainer;
  const element = container instanceof Element ? container : container.parentElement;
  const reduceMotion =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  element?.scrollIntoView?.({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
  const remove = addHighlightRanges(REVEAL_HIGHLIGHT, [range]);
  setTimeout(remove, REVEAL_MS);
  return true;
}
