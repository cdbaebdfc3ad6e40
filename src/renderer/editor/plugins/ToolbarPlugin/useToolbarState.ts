import { $isLinkNode, type LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findCellNode } from '@lexical/table';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalNode,
} from 'lexical';
import { useEffect, useState } from 'react';
import { $blockTypeOf, type BlockType } from './blockFormat.ts';

export interface ToolbarState {
  blockType: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  /** The caret is in a link (the link button then edits or removes it). */
  inLink: boolean;
  /** The caret is in a table cell (the table tools show). */
  inTable: boolean;
  /** Some text is selected (a link needs text). */
  hasSelectedText: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  blockType: 'paragraph',
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  inLink: false,
  inTable: false,
  hasSelectedText: false,
  canUndo: false,
  canRedo: false,
};

export function $findLink(node: LexicalNode): LinkNode | null {
  return $isLinkNode(node) ? node : ($findMatchingParent(node, $isLinkNode) as LinkNode | null);
}

/**
 * The toolbar's view of the selection, updated after each editor update. A new object only
 * when a value changed, so typing re-renders nothing.
 */
export function useToolbarState(): ToolbarState {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState(INITIAL);

  useEffect(() => {
    const patch = (next: Partial<ToolbarState>) =>
      setState((current) => {
        for (const key of Object.keys(next) as (keyof ToolbarState)[]) {
          if (current[key] !== next[key]) return { ...current, ...next };
        }
        return current;
      });
    const read = () =>
      editor.getEditorState().read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return;
        const anchor = selection.anchor.getNode();
        patch({
          blockType: $blockTypeOf(selection),
          bold: selection.hasFormat('bold'),
          italic: selection.hasFormat('italic'),
          underline: selection.hasFormat('underline'),
          strikethrough: selection.hasFormat('strikethrough'),
          inLink: $findLink(anchor) !== null || $findLink(selection.focus.getNode()) !== null,
          inTable: $findCellNode(anchor) !== null,
          hasSelectedText: !selection.isCollapsed(),
        });
      });
    read();
    return mergeRegister(
      editor.registerUpdateListener(read),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => {
          patch({ canUndo });
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => {
          patch({ canRedo });
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);

  return state;
}
