import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
} from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findCellNode } from '@lexical/table';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $isTextNode,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';

export type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
export type BlockType = 'paragraph' | HeadingTag | 'quote' | 'bullet' | 'number';

/** The kind of block the caret is in (the list kind for list items). */
export function $blockTypeOf(selection: RangeSelection): BlockType {
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list) return list.getListType() === 'number' ? 'number' : 'bullet';
  const block = $blockOf(anchor);
  if ($isHeadingNode(block)) return block.getTag();
  if ($isQuoteNode(block)) return 'quote';
  return 'paragraph';
}

/** The block (child of the root or of a table cell) a node is in. */
function $blockOf(node: LexicalNode): LexicalNode {
  let current: LexicalNode = node;
  let parent = current.getParent();
  while (parent !== null && !$isRootOrShadowRoot(parent)) {
    current = parent;
    parent = current.getParent();
  }
  return current;
}

/**
 * Turns the selected blocks into body text, a heading h1–h4, or a quote. A quote is refused in
 * a table cell, where the document model has none.
 */
export function setBlockType(
  editor: LexicalEditor,
  type: 'paragraph' | HeadingTag | 'quote',
): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (type === 'quote' && $findCellNode(selection.anchor.getNode()) !== null) return;
    $setBlocksType(selection, () =>
      type === 'paragraph'
        ? $createParagraphNode()
        : type === 'quote'
          ? $createQuoteNode()
          : $createHeadingNode(type),
    );
  });
}

/** The quote button: a quote becomes body text again, anything else a quote. */
export function toggleQuote(editor: LexicalEditor, current: BlockType): void {
  setBlockType(editor, current === 'quote' ? 'paragraph' : 'quote');
}

/** The list buttons: the same list kind again removes the list. */
export function toggleList(
  editor: LexicalEditor,
  kind: 'bullet' | 'number',
  current: BlockType,
): void {
  if (current === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else if (kind === 'bullet') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
  else editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
}

export function toggleStrikethrough(editor: LexicalEditor): void {
  editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough');
}

/**
 * Removes bold, italic, underline, strikethrough (and any other text format) from the selected
 * text, or from what is typed next when nothing is selected. Links and blocks stay.
 */
export function clearFormatting(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (selection.isCollapsed()) {
      selection.setFormat(0);
      return;
    }
    for (const node of selection.extract()) {
      if ($isTextNode(node) && node.getFormat() !== 0) node.setFormat(0);
    }
    selection.setFormat(0);
  });
}

/** The block type at the caret of the editor's current state ('paragraph' without a caret). */
export function currentBlockType(editor: LexicalEditor): BlockType {
  return editor.read('pending', () => {
    const selection = $getSelection();
    return $isRangeSelection(selection) ? $blockTypeOf(selection) : 'paragraph';
  });
}
