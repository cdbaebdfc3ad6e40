import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  INDENT_CONTENT_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
} from 'lexical';
import { useEffect } from 'react';

/**
 * Tab and Shift+Tab nest and un-nest list items. Anywhere else Tab is left to the browser, so
 * keyboard users can leave the editor (tables move between cells: Lexical's table handling).
 */
export function ListTabPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          // Command listeners run inside an update: the selection is the current one.
          const selection = $getSelection();
          const inList =
            $isRangeSelection(selection) &&
            $findMatchingParent(selection.anchor.getNode(), $isListItemNode) !== null;
          if (!inList) return false;
          event.preventDefault();
          editor.dispatchCommand(
            event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND,
            undefined,
          );
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
